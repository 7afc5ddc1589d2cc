create table public.contacts (
  id bigint generated always as identity primary key,
  phone text not null
);
alter table public.contacts enable row level security;
