-- a later branch also wanted a profiles table
create table if not exists public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  phone text,
  username text
);
