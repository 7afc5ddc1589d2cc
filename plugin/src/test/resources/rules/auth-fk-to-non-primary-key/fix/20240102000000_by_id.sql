alter table public.contacts drop constraint contacts_phone_fkey;
