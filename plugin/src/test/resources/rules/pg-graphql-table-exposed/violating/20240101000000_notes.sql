create extension if not exists pg_graphql;
create table public.notes (
  id bigint generated always as identity primary key,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  body text not null
);
create index notes_user_id_idx on public.notes (user_id);
alter table public.notes enable row level security;
create policy "owners read notes" on public.notes for select to authenticated using ((select auth.uid()) = user_id);
grant select on public.notes to authenticated;

-- pg_graphql serves a partitioned table's partitions, not its root: only public.events_eu is listed
create table public.events (id bigint not null, region text not null) partition by list (region);
create table public.events_eu partition of public.events for values in ('eu');
grant select on public.events, public.events_eu to authenticated;
