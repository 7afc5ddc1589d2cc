create table public.feedback (
  id bigint generated always as identity primary key,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  message text not null
);
create index feedback_user_id_idx on public.feedback (user_id);
alter table public.feedback enable row level security;
create policy "members send feedback" on public.feedback for insert to authenticated with check ((select auth.uid()) = user_id);
grant insert on public.feedback to authenticated;

-- a contact form is anonymous on purpose, and says so
create table public.contact_messages (
  id bigint generated always as identity primary key,
  email text not null,
  message text not null
);
alter table public.contact_messages enable row level security;
-- authschema:ignore anon-can-write the public contact form
create policy "anyone may write to us" on public.contact_messages for insert to anon with check (true);
grant insert on public.contact_messages to anon;
