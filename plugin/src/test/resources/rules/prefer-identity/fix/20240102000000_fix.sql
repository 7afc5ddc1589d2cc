alter table public.events alter column id drop default;
drop sequence public.events_id_seq;
alter table public.events alter column id add generated always as identity;
