create table public.api_clients (
  id bigint generated always as identity primary key,
  name text not null,
  api_key text not null
);
alter table public.api_clients enable row level security;
