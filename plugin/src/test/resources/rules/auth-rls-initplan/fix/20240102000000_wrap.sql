alter policy "own notes" on public.notes using ((select auth.uid()) = user_id);
