-- the app's own users table, written for a fresh project
create table if not exists public.users (
  id uuid primary key references auth.users (id) on delete cascade,
  email text,
  is_anonymous boolean not null default false
);
alter table public.users enable row level security;
create policy "users: own" on public.users for select to authenticated using ((select auth.uid()) = id);
grant select on public.users to authenticated;
