alter table public.contacts add constraint contacts_phone_key unique (phone);
