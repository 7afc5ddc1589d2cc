create table public.events (
  id bigint generated always as identity primary key,
  handler text not null
);
alter table public.events enable row level security;
