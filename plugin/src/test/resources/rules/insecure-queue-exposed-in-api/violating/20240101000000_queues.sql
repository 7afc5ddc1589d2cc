create extension if not exists pgmq;
select pgmq.create('emails');
-- Supabase Queues' "expose via PostgREST": wrappers in pgmq_public, served when [api] schemas lists it
create schema pgmq_public;
create function pgmq_public.send(queue_name text, message jsonb) returns setof bigint
language sql set search_path = '' as $$ select * from pgmq.send(queue_name, message) $$;
grant usage on schema pgmq_public to anon, authenticated;
