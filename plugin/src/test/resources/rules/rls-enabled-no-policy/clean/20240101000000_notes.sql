create table public.notes (
  id bigint generated always as identity primary key
);
alter table public.notes enable row level security;
create policy "read" on public.notes for select to authenticated using (true);
