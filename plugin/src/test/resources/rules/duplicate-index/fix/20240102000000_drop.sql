drop index public.notes_by_user;
