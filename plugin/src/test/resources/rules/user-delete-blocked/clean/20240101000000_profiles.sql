create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade
);
create table public.invoices (
  id bigint generated always as identity primary key,
  profile_id uuid not null references public.profiles (id) on delete cascade
);
alter table public.profiles enable row level security;
alter table public.invoices enable row level security;

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.profiles to authenticated;
grant all on public.profiles to service_role;
grant select, insert, update, delete on public.invoices to authenticated;
grant all on public.invoices to service_role;
