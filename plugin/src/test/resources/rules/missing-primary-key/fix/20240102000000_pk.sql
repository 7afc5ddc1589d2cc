alter table public.events add column id bigint generated always as identity primary key;
