-- Admins pre-register members by phone before those people ever sign in. The invitation is its own
-- row, keyed by phone; the first sign-in with that phone claims it. No auth id is invented.
create table public.member_invitations (
  id bigint generated always as identity primary key,
  phone text not null unique check (phone ~ '^[1-9][0-9]{1,14}$'),
  member_role text not null default 'member',
  invited_by uuid references auth.users (id) on delete set null,
  claimed_by uuid unique references auth.users (id) on delete set null,
  claimed_at timestamptz,
  created_at timestamptz not null default now()
);
create index member_invitations_invited_by_idx on public.member_invitations (invited_by);
alter table public.member_invitations enable row level security;
grant select on public.member_invitations to authenticated;
grant all on public.member_invitations to service_role;
-- only the service role (which bypasses RLS) manages invitations; members read their own claim
create policy "invitations: read own claim" on public.member_invitations
  for select to authenticated using ((select auth.uid()) = claimed_by);

create function public.invite_member(raw_phone text, role text default 'member') returns bigint
language sql security definer set search_path = '' as $$
  insert into public.member_invitations (phone, member_role)
  values (public.normalize_phone(raw_phone), role)
  on conflict (phone) do update set member_role = excluded.member_role
  returning id
$$;
revoke execute on function public.invite_member(text, text) from public, anon, authenticated;
grant execute on function public.invite_member(text, text) to service_role;
