-- a later migration: validating takes only ROW SHARE on auth.users, which sign-ups pass
alter table public.notes validate constraint notes_user_id_fkey;
