create table public.members (
  id uuid primary key references auth.users (id) on delete cascade,
  email text not null
);
alter table public.members enable row level security;
grant select on public.members to authenticated;

-- "when someone stops being anonymous, make them a member": but an anonymous user who adds an email
-- is made permanent before the email is written, and one who adds a phone has no email at all
create function public.handle_user_upgraded() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.members (id, email) values (new.id, new.email);
  return new;
end
$$;

create trigger on_auth_user_upgraded after update on auth.users
  for each row when (old.is_anonymous and not new.is_anonymous)
  execute function public.handle_user_upgraded();
