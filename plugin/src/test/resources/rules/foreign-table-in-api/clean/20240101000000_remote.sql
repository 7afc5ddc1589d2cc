create extension if not exists postgres_fdw with schema extensions;
create server billing foreign data wrapper postgres_fdw options (host 'billing.internal', dbname 'billing');
-- outside the API: reached through a function that checks the caller
create schema private;
create foreign table private.invoices (id bigint, customer_email text, total_cents bigint) server billing;
