-- codes made by the database, in the shape the check asks for
alter table public.vouchers alter column code set default 'GFT-' || lpad((floor(random() * 1000))::int::text, 3, '0');
