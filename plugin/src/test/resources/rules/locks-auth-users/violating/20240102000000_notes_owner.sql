-- notes has rows by now: this checks every one of them while auth.users is locked
alter table public.notes
  add constraint notes_user_id_fkey foreign key (user_id) references auth.users (id) on delete cascade;
