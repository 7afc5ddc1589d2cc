create table public.orders (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id),
  total numeric not null
);
alter table public.orders enable row level security;
