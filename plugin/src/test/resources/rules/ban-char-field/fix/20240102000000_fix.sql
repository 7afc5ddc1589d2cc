alter table public.events alter column country type text;
