create table public.customers (
  id uuid primary key references auth.users (id) on delete cascade,
  email text,
  phone text
);
alter table public.customers enable row level security;

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.customers to authenticated;
grant all on public.customers to service_role;
