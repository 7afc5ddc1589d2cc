revoke execute on function public.user_count() from public, anon, authenticated;
