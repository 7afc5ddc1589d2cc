create table public.notes (
  id bigint generated always as identity primary key,
  body text
);
-- since 2026 the Data API reaches only what is granted
grant select, insert, update, delete on public.notes to anon, authenticated;
