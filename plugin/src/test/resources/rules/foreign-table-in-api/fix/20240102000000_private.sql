create schema private;
alter foreign table public.invoices set schema private;
