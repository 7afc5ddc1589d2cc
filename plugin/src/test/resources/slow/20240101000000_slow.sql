create table public.t (id bigint primary key);
select pg_sleep(120);
