create table public.invoices (
  id bigint generated always as identity primary key,
  profile_id uuid not null references public.profiles (id)
);
alter table public.invoices enable row level security;
