create table public.events (
  id bigint generated always as identity primary key,
  country char(2) not null
);
alter table public.events enable row level security;
