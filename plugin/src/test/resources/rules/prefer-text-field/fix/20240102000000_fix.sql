alter table public.events alter column title type text;
