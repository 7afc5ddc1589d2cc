alter table public.notes enable row level security;
create policy "read notes" on public.notes for select to authenticated using (true);
