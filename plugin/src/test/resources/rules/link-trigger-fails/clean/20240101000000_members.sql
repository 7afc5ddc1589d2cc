create table public.members (
  id uuid primary key references auth.users (id) on delete cascade,
  email text
);
alter table public.members enable row level security;
grant select on public.members to authenticated;

-- the email may still be NULL when the user becomes permanent; a later UPDATE of email fills it in
create function public.handle_user_upgraded() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.members (id, email) values (new.id, new.email)
  on conflict (id) do update set email = excluded.email;
  return new;
end
$$;

create trigger on_auth_user_upgraded after update on auth.users
  for each row when ((old.is_anonymous and not new.is_anonymous) or old.email is distinct from new.email)
  execute function public.handle_user_upgraded();
