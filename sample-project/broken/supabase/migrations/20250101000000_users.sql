-- MISTAKE (fk-to-shadow-users): a home-made users table with its own ids. WhatsApp contacts get a row
-- here, app users get an auth.users row, and the two ids for one person never meet.
create table public.users (
  id uuid primary key default gen_random_uuid(),
  email text unique,
  phone text,
  name text
);
alter table public.users enable row level security;
create policy "users: read own row" on public.users for select to authenticated using (email = (select auth.email()));

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.users to authenticated;
grant all on public.users to service_role;
