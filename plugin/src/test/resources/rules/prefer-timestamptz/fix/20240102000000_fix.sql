alter table public.events alter column happened_at type timestamptz;
