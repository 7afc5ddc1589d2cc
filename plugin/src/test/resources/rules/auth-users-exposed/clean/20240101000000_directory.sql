create table public.profiles (id uuid primary key references auth.users (id) on delete cascade, name text);
alter table public.profiles enable row level security;
create view public.user_directory with (security_invoker = on) as select id, name from public.profiles;
