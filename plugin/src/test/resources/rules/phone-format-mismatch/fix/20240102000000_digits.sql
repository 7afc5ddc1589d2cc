alter table public.invites drop constraint invites_phone_check,
  add constraint invites_phone_check check (phone ~ '^[1-9][0-9]{1,14}$');
