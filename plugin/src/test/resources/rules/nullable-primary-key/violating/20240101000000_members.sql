create table public.members (
  id uuid primary key references auth.users (id) on delete cascade,
  phone text
);
alter table public.members enable row level security;

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.members to authenticated;
grant all on public.members to service_role;
