create table public.invites (
  id bigint generated always as identity primary key,
  phone text not null unique check (phone ~ '^\+[1-9][0-9]{1,14}$')
);
alter table public.invites enable row level security;

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.invites to authenticated;
grant all on public.invites to service_role;
