alter table public.posts alter column author_id drop not null;
