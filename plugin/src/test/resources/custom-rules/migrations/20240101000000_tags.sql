create table public.tags (
  name text primary key
);
alter table public.tags enable row level security;

create table public.tmp_import (
  id bigint generated always as identity primary key
);
alter table public.tmp_import enable row level security;
