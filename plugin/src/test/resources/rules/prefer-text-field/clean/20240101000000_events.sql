create table public.events (
  id bigint generated always as identity primary key,
  title text not null check (char_length(title) <= 80)
);
alter table public.events enable row level security;
