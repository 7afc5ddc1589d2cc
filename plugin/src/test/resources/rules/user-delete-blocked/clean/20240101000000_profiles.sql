create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade
);
create table public.invoices (
  id bigint generated always as identity primary key,
  profile_id uuid not null references public.profiles (id) on delete cascade
);
alter table public.profiles enable row level security;
alter table public.invoices enable row level security;
