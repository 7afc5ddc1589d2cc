create table public.events (
  id bigint generated always as identity primary key,
  happened_at timestamp not null default now()
);
alter table public.events enable row level security;
