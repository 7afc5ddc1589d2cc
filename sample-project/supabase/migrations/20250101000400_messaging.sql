-- Conversations belong to one person, whatever channel they came in on.
create table public.conversations (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users (id) on delete cascade,
  channel text not null check (channel in ('whatsapp', 'app')),
  created_at timestamptz not null default now()
);
create index conversations_owner_id_idx on public.conversations (owner_id);
alter table public.conversations enable row level security;
grant select, insert, update, delete on public.conversations to authenticated;
grant all on public.conversations to service_role;
create policy "conversations: own" on public.conversations
  for all to authenticated using ((select auth.uid()) = owner_id) with check ((select auth.uid()) = owner_id);

create table public.messages (
  id bigint generated always as identity primary key,
  conversation_id uuid not null references public.conversations (id) on delete cascade,
  -- null for messages the business sends, and for senders who deleted their account
  sender_id uuid references auth.users (id) on delete set null,
  body text not null,
  created_at timestamptz not null default now()
);
create index messages_conversation_id_idx on public.messages (conversation_id);
create index messages_sender_id_idx on public.messages (sender_id);
alter table public.messages enable row level security;
grant select, insert on public.messages to authenticated;
grant all on public.messages to service_role;
create policy "messages: in own conversations" on public.messages
  for select to authenticated using (
    exists (select 1 from public.conversations c where c.id = conversation_id and c.owner_id = (select auth.uid())));
create policy "messages: send in own conversations" on public.messages
  for insert to authenticated with check (
    sender_id = (select auth.uid())
    and exists (select 1 from public.conversations c where c.id = conversation_id and c.owner_id = (select auth.uid())));

alter publication supabase_realtime add table public.messages;
