alter policy "anyone edits" on public.notes using ((select auth.uid()) = user_id);
