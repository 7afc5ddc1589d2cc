create extension if not exists postgres_fdw with schema extensions;
create server billing foreign data wrapper postgres_fdw options (host 'billing.internal', dbname 'billing');
create foreign table public.invoices (id bigint, customer_email text, total_cents bigint) server billing;
grant select on public.invoices to authenticated;
