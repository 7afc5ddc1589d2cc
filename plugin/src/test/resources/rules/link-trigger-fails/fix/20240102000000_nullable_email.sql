alter table public.members alter column email drop not null;
