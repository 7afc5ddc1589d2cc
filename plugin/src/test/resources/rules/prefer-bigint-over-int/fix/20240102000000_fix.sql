alter table public.events alter column id type bigint;
