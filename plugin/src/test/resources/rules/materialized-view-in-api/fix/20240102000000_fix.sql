revoke select on public.note_counts from anon, authenticated;
