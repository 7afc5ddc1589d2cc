create table public.contacts (
  id bigint generated always as identity primary key,
  phone text references auth.users (phone) on delete cascade
);
alter table public.contacts enable row level security;

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.contacts to authenticated;
grant all on public.contacts to service_role;
