create table public.customers (
  id uuid primary key default gen_random_uuid(),
  email text unique,
  phone text unique
);
alter table public.customers enable row level security;

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.customers to authenticated;
grant all on public.customers to service_role;
