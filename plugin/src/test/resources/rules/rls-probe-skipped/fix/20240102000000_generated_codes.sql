-- codes made by the database, in the shape the check asks for
alter table public.vouchers alter column code set default 'GIFT-' || lpad((floor(random() * 10000))::int::text, 4, '0');
