create table public.events (
  id bigserial primary key
);
alter table public.events enable row level security;
