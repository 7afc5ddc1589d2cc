-- One identity per person: every person is an auth.users row; the profile hangs off its id.
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text,
  email text,
  phone text check (phone is null or phone ~ '^[1-9][0-9]{1,14}$'),
  member_role text not null default 'customer',
  created_at timestamptz not null default now()
);
alter table public.profiles enable row level security;
-- since 2026 Supabase grants new tables to no API role: each table says who may reach it, RLS says which rows
grant select, update on public.profiles to authenticated;
grant all on public.profiles to service_role;

create policy "profiles: read own" on public.profiles
  for select to authenticated using ((select auth.uid()) = id);
create policy "profiles: update own" on public.profiles
  for update to authenticated using ((select auth.uid()) = id) with check ((select auth.uid()) = id);
