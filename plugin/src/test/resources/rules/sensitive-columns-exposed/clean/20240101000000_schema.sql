create table public.api_clients (
  id bigint generated always as identity primary key,
  name text not null,
  api_key text not null
);
alter table public.api_clients enable row level security;
-- since 2026 the Data API reaches only what is granted
grant select on public.api_clients to authenticated;
