create table public.posts (
  id bigint generated always as identity primary key,
  author_id uuid references auth.users (id) on delete set null
);
alter table public.posts enable row level security;

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.posts to authenticated;
grant all on public.posts to service_role;
