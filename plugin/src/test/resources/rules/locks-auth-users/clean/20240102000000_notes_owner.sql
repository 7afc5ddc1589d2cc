-- NOT VALID: existing rows are not checked, so the lock on auth.users lasts a moment
alter table public.notes
  add constraint notes_user_id_fkey foreign key (user_id) references auth.users (id) on delete cascade not valid;
-- a new table may reference auth.users directly: it has no rows to check
create table public.tags (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade
);
create index tags_user_id_idx on public.tags (user_id);
create index notes_user_id_idx on public.notes (user_id);
