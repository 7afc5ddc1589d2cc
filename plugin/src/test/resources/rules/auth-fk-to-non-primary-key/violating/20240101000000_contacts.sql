create table public.contacts (
  id bigint generated always as identity primary key,
  phone text references auth.users (phone) on delete cascade
);
alter table public.contacts enable row level security;
