create index notes_user_id_idx on public.notes (user_id);
