-- a users table keyed by auth.users(id) is a profile table, not a shadow
create table public.users (
  id uuid primary key references auth.users (id) on delete cascade,
  email text
);

create table public.orders (
  id bigint generated always as identity primary key,
  user_id uuid not null references public.users (id) on delete cascade
);
alter table public.users enable row level security;
alter table public.orders enable row level security;

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.users to authenticated;
grant all on public.users to service_role;
grant select, insert, update, delete on public.orders to authenticated;
grant all on public.orders to service_role;
