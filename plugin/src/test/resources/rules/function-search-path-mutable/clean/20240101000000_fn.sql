create function public.add_one(x int) returns int
language sql immutable set search_path = '' as $$ select x + 1 $$;
