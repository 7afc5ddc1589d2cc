drop policy "signed-in users read notes" on public.notes;
create policy "owners read notes" on public.notes for select to authenticated using ((select auth.uid()) = user_id);
drop policy "items are for signed-in users" on public.items;
create policy "owners read items" on public.items for select to authenticated
  using (exists (select 1 from public.lists l where l.id = list_id and l.owner_id = (select auth.uid())));
