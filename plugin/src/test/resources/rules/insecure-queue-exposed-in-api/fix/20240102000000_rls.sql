alter table pgmq.q_emails enable row level security;
create policy "members send emails" on pgmq.q_emails for insert to authenticated with check (true);
