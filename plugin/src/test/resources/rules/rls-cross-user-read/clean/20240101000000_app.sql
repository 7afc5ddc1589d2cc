create table public.notes (
  id bigint generated always as identity primary key,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  body text not null
);
create index notes_user_id_idx on public.notes (user_id);
alter table public.notes enable row level security;
create policy "owners read notes" on public.notes for select to authenticated using ((select auth.uid()) = user_id);
grant select on public.notes to authenticated;

create table public.lists (
  id bigint generated always as identity primary key,
  owner_id uuid not null references auth.users (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 80)
);
create index lists_owner_id_idx on public.lists (owner_id);
create table public.items (
  id bigint generated always as identity primary key,
  list_id bigint not null references public.lists (id) on delete cascade,
  body text not null
);
create index items_list_id_idx on public.items (list_id);
alter table public.lists enable row level security;
alter table public.items enable row level security;
create policy "owners read lists" on public.lists for select to authenticated using ((select auth.uid()) = owner_id);
create policy "owners read items" on public.items for select to authenticated
  using (exists (select 1 from public.lists l where l.id = list_id and l.owner_id = (select auth.uid())));
grant select on public.lists, public.items to authenticated;

-- a catalog belongs to no one: everyone reading it is not a leak
create table public.plans (id bigint generated always as identity primary key, name text not null);
alter table public.plans enable row level security;
create policy "plans are public" on public.plans for select using (true);
grant select on public.plans to anon, authenticated;

-- public on purpose, and said so
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  username text not null unique
);
alter table public.profiles enable row level security;
-- authschema:ignore rls-cross-user-read usernames are shown to every signed-in user by design
create policy "profiles are visible to members" on public.profiles for select to authenticated using (true);
grant select on public.profiles to authenticated;
