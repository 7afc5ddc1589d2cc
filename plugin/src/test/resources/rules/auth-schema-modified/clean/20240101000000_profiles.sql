create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  nickname text
);
alter table public.profiles enable row level security;
