create table public.notes (
  id bigint generated always as identity primary key,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  body text not null
);
create index notes_user_id_idx on public.notes (user_id);
alter table public.notes enable row level security;
create policy "owners read" on public.notes for select to authenticated using ((select auth.uid()) = user_id);
create policy "owners write" on public.notes for insert to authenticated with check ((select auth.uid()) = user_id);
-- policies for the Data API, and since 2026 no GRANT that lets it in
grant all on public.notes to service_role;

-- a policy for everyone (no TO) is reachable once one API role holds the privilege
create table public.tags (id bigint generated always as identity primary key, name text not null);
alter table public.tags enable row level security;
create policy "tags are public" on public.tags for select using (true);
grant select on public.tags to anon;

-- a column grant counts
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  nickname text
);
alter table public.profiles enable row level security;
create policy "own nickname" on public.profiles for update to authenticated
  using ((select auth.uid()) = id) with check ((select auth.uid()) = id);
grant update (nickname) on public.profiles to authenticated;

-- an ALL policy for both API roles, only anon without a grant
create table public.drafts (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade
);
create index drafts_user_id_idx on public.drafts (user_id);
alter table public.drafts enable row level security;
create policy "drafts" on public.drafts to anon, authenticated using ((select auth.uid()) = user_id);
grant select, insert, update, delete on public.drafts to authenticated;
