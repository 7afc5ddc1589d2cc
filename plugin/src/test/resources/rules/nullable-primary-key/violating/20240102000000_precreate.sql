-- let admins pre-create phone members before they sign in
alter table public.members
  alter column id drop not null;
