-- MISTAKE (if-not-exists-skipped): written on another branch, where profiles did not exist yet. Here
-- it is skipped silently, and the phone column never gets created.
create table if not exists public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text,
  phone text,
  display_name text
);
