create table public.notes (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  body text
);
create index notes_user_id_idx on public.notes (user_id);
alter table public.notes enable row level security;

create view public.note_bodies with (security_invoker = on) as select id, body from public.notes;
-- since 2026 the Data API reaches only what is granted
grant select on public.notes, public.note_bodies to authenticated;
