alter function public.add_one(int) set search_path = '';
