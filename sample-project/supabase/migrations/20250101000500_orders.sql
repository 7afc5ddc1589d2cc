-- Orders and the cart. An anonymous visitor's cart is keyed by their auth id, which survives
-- conversion to a permanent user, so the cart carries over without any copying.
create table public.carts (
  user_id uuid primary key references auth.users (id) on delete cascade,
  items jsonb not null default '[]'::jsonb,
  updated_at timestamptz not null default now()
);
alter table public.carts enable row level security;
grant select, insert, update, delete on public.carts to authenticated;
grant all on public.carts to service_role;
create policy "carts: own" on public.carts
  for all to authenticated using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);

create table public.orders (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  status text not null default 'placed' check (status in ('placed', 'paid', 'shipped', 'cancelled')),
  total_cents integer not null check (total_cents >= 0),
  created_at timestamptz not null default now()
);
create index orders_user_id_idx on public.orders (user_id);
alter table public.orders enable row level security;
grant select, insert on public.orders to authenticated;
grant all on public.orders to service_role;
create policy "orders: read own" on public.orders
  for select to authenticated using ((select auth.uid()) = user_id);
create policy "orders: place own" on public.orders
  for insert to authenticated with check ((select auth.uid()) = user_id and not (select (auth.jwt() ->> 'is_anonymous')::boolean));

create table public.order_items (
  id bigint generated always as identity primary key,
  order_id uuid not null references public.orders (id) on delete cascade,
  product text not null,
  quantity integer not null check (quantity > 0)
);
create index order_items_order_id_idx on public.order_items (order_id);
alter table public.order_items enable row level security;
grant select on public.order_items to authenticated;
grant all on public.order_items to service_role;
create policy "order items: of own orders" on public.order_items
  for select to authenticated using (
    exists (select 1 from public.orders o where o.id = order_id and o.user_id = (select auth.uid())));
