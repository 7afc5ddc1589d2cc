alter table public.profiles add column phone text;
