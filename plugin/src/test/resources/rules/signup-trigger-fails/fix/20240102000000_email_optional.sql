alter table public.profiles alter column email drop not null;
