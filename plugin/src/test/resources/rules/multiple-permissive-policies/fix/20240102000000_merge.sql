drop policy "shared notes" on public.notes;
alter policy "own notes" on public.notes using ((select auth.uid()) = user_id or shared);
