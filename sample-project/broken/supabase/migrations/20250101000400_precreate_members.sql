-- MISTAKE (nullable-primary-key): let admins pre-create phone members before they have an auth id.
alter table public.profiles alter column id drop not null;
