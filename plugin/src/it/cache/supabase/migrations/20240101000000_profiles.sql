create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text,
  phone text
);
alter table public.profiles enable row level security;
create policy "read own profile" on public.profiles for select to authenticated using ((select auth.uid()) = id);
-- since 2026 a table reaches the Data API only through its own GRANT
grant select on public.profiles to authenticated;

create function public.handle_new_user() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.profiles (id, email, phone) values (new.id, new.email, new.phone);
  return new;
end
$$;

drop trigger if exists on_auth_user_created on auth.users;
create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.handle_new_user();
