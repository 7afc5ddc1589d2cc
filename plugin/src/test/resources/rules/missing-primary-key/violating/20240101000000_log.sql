create table public.events (
  happened_at timestamptz not null default now(),
  body text
);
alter table public.events enable row level security;
