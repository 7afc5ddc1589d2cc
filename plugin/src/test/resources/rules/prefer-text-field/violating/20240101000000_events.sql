create table public.events (
  id bigint generated always as identity primary key,
  title varchar(80) not null
);
alter table public.events enable row level security;
