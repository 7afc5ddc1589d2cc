create function public.user_count() returns bigint
language sql security definer set search_path = '' as $$ select count(*) from auth.users $$;
