-- One phone format everywhere: the auth service's (digits only, no '+'). WhatsApp webhooks send
-- 'whatsapp:+15551234567', the app sends '+1 (555) 123-4567'; both become '15551234567'.
create function public.normalize_phone(raw text) returns text
language sql immutable strict set search_path = '' as $$
  select nullif(pg_catalog.regexp_replace(pg_catalog.regexp_replace(raw, '^whatsapp:', '', 'i'), '[^0-9]', '', 'g'), '')
$$;
comment on function public.normalize_phone(text) is 'Phone number in the auth service''s form: digits only, no +.';
