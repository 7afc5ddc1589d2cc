create table public.ledger (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id), -- authschema:ignore auth-fk-missing-cascade
  cents bigint not null
);
create index ledger_user_id_idx on public.ledger (user_id);
alter table public.ledger enable row level security;
-- authschema:ignore no-such-rule because

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.ledger to authenticated;
grant all on public.ledger to service_role;
