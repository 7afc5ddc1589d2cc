alter view public.user_directory set (security_invoker = on);
