-- a later branch also wanted a profiles table
create table if not exists public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  phone text,
  username text
);

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.profiles to authenticated;
grant all on public.profiles to service_role;
