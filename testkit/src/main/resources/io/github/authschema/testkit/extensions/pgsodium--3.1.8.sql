-- authschema stand-in for pgsodium (michelp/pgsodium): older `supabase db pull` dumps create it; few projects call it.
create table pgsodium.key (
  id uuid primary key default gen_random_uuid(),
  name text unique,
  status text default 'valid',
  created timestamptz not null default now(),
  key_type text,
  key_id bigint,
  key_context bytea default 'pgsodium',
  comment text
);
create function pgsodium.randombytes_buf(size integer) returns bytea language sql volatile as $$
  select extensions.gen_random_bytes(size)
$$;
create function pgsodium.crypto_aead_det_noncegen() returns bytea language sql volatile as $$
  select extensions.gen_random_bytes(16)
$$;
create function pgsodium.create_key(name text default null) returns pgsodium.key language sql as $$
  insert into pgsodium.key (name, key_type) values (name, 'aead-det') returning *
$$;
grant usage on schema pgsodium to postgres, service_role;
