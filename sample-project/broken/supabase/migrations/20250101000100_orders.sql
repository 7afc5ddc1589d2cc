create table public.orders (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  total_cents integer not null
);
create index orders_user_id_idx on public.orders (user_id);
alter table public.orders enable row level security;

-- MISTAKE (auth-fk-missing-cascade): deleting a user who has a conversation fails.
create table public.conversations (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users (id),
  channel text not null
);
create index conversations_owner_id_idx on public.conversations (owner_id);
alter table public.conversations enable row level security;
create policy "conversations: own" on public.conversations for all to authenticated
  using ((select auth.uid()) = owner_id);
-- MISTAKE (rls-cross-user-read): "signed in" is not "the owner"; with policies ORed, every account
-- reads every conversation.
create policy "conversations: support reads all" on public.conversations for select to authenticated
  using ((select auth.role()) = 'authenticated');

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.orders to authenticated;
grant all on public.orders to service_role;
grant select, insert, update, delete on public.conversations to authenticated;
grant all on public.conversations to service_role;
