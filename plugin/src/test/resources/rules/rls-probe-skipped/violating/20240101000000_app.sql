create table public.vouchers (
  code text primary key check (code ~ '^(GIFT|PROMO)-[0-9]{4}$'),
  owner_id uuid not null references auth.users (id) on delete cascade
);
create index vouchers_owner_id_idx on public.vouchers (owner_id);
alter table public.vouchers enable row level security;
create policy "owners read vouchers" on public.vouchers for select to authenticated using ((select auth.uid()) = owner_id);
grant select on public.vouchers to authenticated;
