alter table public.notes alter column user_id set not null;
