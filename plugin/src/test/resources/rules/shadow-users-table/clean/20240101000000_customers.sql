create table public.customers (
  id uuid primary key references auth.users (id) on delete cascade,
  email text,
  phone text
);
alter table public.customers enable row level security;
