alter table public.customers add constraint customers_id_fkey foreign key (id) references auth.users (id) on delete cascade;
