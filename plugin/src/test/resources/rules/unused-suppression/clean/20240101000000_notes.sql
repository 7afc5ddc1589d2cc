-- Deleting a user must fail while they have ledger entries: the finance team settles them first.
-- authschema:ignore auth-fk-missing-cascade ledger entries must be settled before a user can go
create table public.ledger (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id),
  cents bigint not null
);
create index ledger_user_id_idx on public.ledger (user_id);
alter table public.ledger enable row level security;

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.ledger to authenticated;
grant all on public.ledger to service_role;
