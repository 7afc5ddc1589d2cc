-- a policy for PUBLIC (no TO) meant for signed-in users
create table public.feedback (
  id bigint generated always as identity primary key,
  message text not null
);
alter table public.feedback enable row level security;
create policy "feedback can be sent" on public.feedback for insert with check (true);
grant insert on public.feedback to anon, authenticated;
