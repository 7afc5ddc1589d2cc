alter table public.orders drop constraint orders_user_id_fkey;
delete from public.orders;
alter table public.orders add constraint orders_user_id_fkey foreign key (user_id) references auth.users (id) on delete cascade;
