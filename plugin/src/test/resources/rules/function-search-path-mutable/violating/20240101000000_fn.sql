create function public.add_one(x int) returns int
language sql immutable as $$ select x + 1 $$;
