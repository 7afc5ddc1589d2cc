create table public.notes (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade
);
create index notes_user_id_idx on public.notes (user_id);
alter table public.notes enable row level security;
create policy "own notes" on public.notes for select to authenticated using ((select auth.uid()) = user_id);
create index notes_by_user on public.notes (user_id);

-- a dump's constraint and a later migration's constraint on the same column: one index too many
create table public.handles (id bigint primary key, handle text not null);
alter table public.handles add constraint handles_handle_key unique (handle);
alter table public.handles add constraint handles_handle_unique unique (handle);

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.notes to authenticated;
grant all on public.notes to service_role;
grant select on public.handles to authenticated;
