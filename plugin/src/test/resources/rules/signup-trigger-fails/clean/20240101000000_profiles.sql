create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text
);

create function public.handle_new_user() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.profiles (id, email) values (new.id, new.email);
  return new;
end
$$;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.handle_new_user();
alter table public.profiles enable row level security;

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.profiles to authenticated;
grant all on public.profiles to service_role;
