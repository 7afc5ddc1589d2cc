drop policy "admins" on public.notes;
create policy "admins" on public.notes for select to authenticated
  using ((select auth.jwt()) -> 'app_metadata' ->> 'role' = 'admin');
