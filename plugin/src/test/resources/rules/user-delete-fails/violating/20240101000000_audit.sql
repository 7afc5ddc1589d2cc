create table public.deletion_log (
  id bigint generated always as identity primary key,
  user_id uuid not null
);

create function public.forbid_delete() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  raise exception 'users may not be deleted';
end
$$;

create trigger no_user_delete before delete on auth.users
  for each row execute function public.forbid_delete();
alter table public.deletion_log enable row level security;

-- since 2026 a table reaches the Data API only through its own GRANT
grant select, insert, update, delete on public.deletion_log to authenticated;
grant all on public.deletion_log to service_role;
