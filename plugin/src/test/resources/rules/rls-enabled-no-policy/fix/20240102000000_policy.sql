create policy "read" on public.notes for select to authenticated using (true);
