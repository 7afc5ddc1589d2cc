create table public.profiles (id uuid primary key references auth.users (id) on delete cascade, name text);
alter table public.profiles enable row level security;
create view public.user_directory with (security_invoker = on) as select id, name from public.profiles;
-- since 2026 the Data API reaches only what is granted
grant select on public.profiles, public.user_directory to authenticated;
