create table public.contacts (
  id bigint generated always as identity primary key,
  user_id uuid references auth.users (id) on delete cascade
);
alter table public.contacts enable row level security;
