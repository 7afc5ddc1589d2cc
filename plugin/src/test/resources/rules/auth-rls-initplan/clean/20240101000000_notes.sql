create table public.notes (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade
);
create index notes_user_id_idx on public.notes (user_id);
alter table public.notes enable row level security;
create policy "own notes" on public.notes for select to authenticated
  using ((select auth.uid()) = user_id);

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.notes to authenticated;
grant all on public.notes to service_role;

-- a policy on a table whose RLS is off never runs: policy-exists-rls-disabled reports the table, not this rule
create table public.drafts (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade
);
create index drafts_user_id_idx on public.drafts (user_id);
create policy "own drafts" on public.drafts for select to authenticated using (auth.uid() = user_id);
