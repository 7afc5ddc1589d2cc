alter table public.events alter column handler type text using handler::text;
