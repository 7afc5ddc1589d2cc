alter table public.api_clients enable row level security;
