create table public.api_clients (
  id bigint generated always as identity primary key,
  name text not null,
  api_key text not null
);
-- since 2026 the Data API reaches only what is granted
grant select on public.api_clients to anon, authenticated;
