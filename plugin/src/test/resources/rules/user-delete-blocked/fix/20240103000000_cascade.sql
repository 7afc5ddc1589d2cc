alter table public.invoices drop constraint invoices_profile_id_fkey,
  add constraint invoices_profile_id_fkey foreign key (profile_id) references public.profiles (id) on delete cascade;
