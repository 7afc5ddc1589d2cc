create extension if not exists pg_graphql;
create table public.notes (
  id bigint generated always as identity primary key,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  body text not null
);
create index notes_user_id_idx on public.notes (user_id);
alter table public.notes enable row level security;
create policy "owners read notes" on public.notes for select to authenticated using ((select auth.uid()) = user_id);
grant select on public.notes to authenticated;
