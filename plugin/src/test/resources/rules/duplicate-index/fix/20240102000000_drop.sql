drop index public.notes_by_user;
alter table public.handles drop constraint handles_handle_unique;
