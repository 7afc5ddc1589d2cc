create table public.notes (
  id bigint generated always as identity primary key,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  body text not null
);
create index notes_user_id_idx on public.notes (user_id);
alter table public.notes enable row level security;
-- reads like a check; every account passes it
create policy "signed-in users read notes" on public.notes for select to authenticated
  using ((select auth.role()) = 'authenticated');
grant select on public.notes to authenticated;

-- owned through its parent: a role check on the child leaks the parent's rows
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
create policy "items are for signed-in users" on public.items for select to authenticated using (true);
grant select on public.lists, public.items to authenticated;
