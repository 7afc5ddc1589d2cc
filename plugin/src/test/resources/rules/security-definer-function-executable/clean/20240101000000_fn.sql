create function public.user_count() returns bigint
language sql security definer set search_path = '' as $$ select count(*) from auth.users $$;
revoke execute on function public.user_count() from public, anon, authenticated;
