create table public.notes (
  id bigint generated always as identity primary key,
  user_id uuid not null references public.users (id) on delete cascade,
  body text
);
create index notes_user_id_idx on public.notes (user_id);
alter table public.notes enable row level security;
create policy "notes: own" on public.notes for all to authenticated
  using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);
grant select, insert, update, delete on public.notes to authenticated;
