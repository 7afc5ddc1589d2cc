create table if not exists public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  username text
);
alter table public.profiles enable row level security;
