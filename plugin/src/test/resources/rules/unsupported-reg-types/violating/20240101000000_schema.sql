create table public.events (
  id bigint generated always as identity primary key,
  handler regproc not null
);
alter table public.events enable row level security;

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.events to authenticated;
grant all on public.events to service_role;
