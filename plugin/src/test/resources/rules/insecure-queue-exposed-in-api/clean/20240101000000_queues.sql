create extension if not exists pgmq;
select pgmq.create('emails');
alter table pgmq.q_emails enable row level security;
create policy "members send emails" on pgmq.q_emails for insert to authenticated with check (true);
create schema pgmq_public;
create function pgmq_public.send(queue_name text, message jsonb) returns setof bigint
language sql set search_path = '' as $$ select * from pgmq.send(queue_name, message) $$;
grant usage on schema pgmq_public to authenticated;
