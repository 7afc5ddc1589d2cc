create table public.members (
  id uuid primary key references auth.users (id) on delete cascade,
  phone text
);
alter table public.members enable row level security;
