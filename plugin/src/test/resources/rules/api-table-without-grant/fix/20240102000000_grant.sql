grant select, insert on public.notes to authenticated;
alter policy "drafts" on public.drafts to authenticated;
