create table public.notes (
  id bigint generated always as identity primary key,
  body text
);
alter table public.notes enable row level security;
create policy "read notes" on public.notes for select to authenticated using (true);
-- since 2026 the Data API reaches only what is granted
grant select on public.notes to authenticated;
