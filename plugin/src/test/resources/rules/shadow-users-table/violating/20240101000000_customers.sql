create table public.customers (
  id uuid primary key default gen_random_uuid(),
  email text unique,
  phone text unique
);
alter table public.customers enable row level security;
