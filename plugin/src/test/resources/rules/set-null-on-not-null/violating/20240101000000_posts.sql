create table public.posts (
  id bigint generated always as identity primary key,
  author_id uuid not null references auth.users (id) on delete set null
);
alter table public.posts enable row level security;
