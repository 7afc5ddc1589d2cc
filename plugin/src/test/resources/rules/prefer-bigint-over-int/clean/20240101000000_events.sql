create table public.events (
  id bigint generated always as identity primary key
);
alter table public.events enable row level security;
