-- Runs inside the auth service's transaction as supabase_auth_admin: SECURITY DEFINER, an empty
-- search_path and qualified names. Works for email users, phone-only (WhatsApp) users whose email is
-- NULL, and anonymous users who have neither.
create function public.handle_new_user() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  invitation public.member_invitations;
begin
  insert into public.profiles (id, display_name, email, phone)
  values (new.id,
          coalesce(new.raw_user_meta_data ->> 'name', new.raw_user_meta_data ->> 'full_name'),
          new.email,
          new.phone);
  if new.phone is not null then
    update public.member_invitations set claimed_by = new.id, claimed_at = pg_catalog.now()
     where phone = new.phone and claimed_by is null
    returning * into invitation;
    if found then
      update public.profiles set member_role = invitation.member_role where id = new.id;
    end if;
  end if;
  return new;
end
$$;

drop trigger if exists on_auth_user_created on auth.users;
create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.handle_new_user();

-- Linking: an email added to a phone user (or a phone to an email user) lands on the same profile.
create function public.handle_user_contact_change() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.profiles set email = new.email, phone = new.phone where id = new.id;
  if new.phone is not null and new.phone is distinct from old.phone then
    update public.member_invitations set claimed_by = new.id, claimed_at = pg_catalog.now()
     where phone = new.phone and claimed_by is null;
  end if;
  return new;
end
$$;

drop trigger if exists on_auth_user_contact_changed on auth.users;
create trigger on_auth_user_contact_changed after update of email, phone on auth.users
  for each row when (old.email is distinct from new.email or old.phone is distinct from new.phone)
  execute function public.handle_user_contact_change();
