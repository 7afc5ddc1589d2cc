create table public.invoices (
  id bigint generated always as identity primary key,
  profile_id uuid not null references public.profiles (id)
);
alter table public.invoices enable row level security;

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.invoices to authenticated;
grant all on public.invoices to service_role;
