alter view public.note_bodies set (security_invoker = on);
