-- authschema stand-in for pgjwt (michelp/pgjwt): the same entry points, written for the emulation.
create function @extschema@.url_encode(data bytea) returns text language sql immutable as $$
  select translate(encode(data, 'base64'), E'+/=\n', '-_')
$$;
create function @extschema@.url_decode(data text) returns bytea language sql immutable as $$
  select decode(rpad(translate(data, '-_', '+/'), (length(data) + 3) / 4 * 4, '='), 'base64')
$$;
create function @extschema@.algorithm_sign(signables text, secret text, algorithm text) returns text
language sql immutable as $$
  select @extschema@.url_encode(extensions.hmac(signables, secret,
    case algorithm when 'HS256' then 'sha256' when 'HS384' then 'sha384' when 'HS512' then 'sha512' else '' end))
$$;
create function @extschema@.sign(payload json, secret text, algorithm text default 'HS256') returns text
language sql immutable as $$
  with parts as (
    select @extschema@.url_encode(convert_to(json_build_object('alg', algorithm, 'typ', 'JWT')::text, 'utf8')) as header,
           @extschema@.url_encode(convert_to(payload::text, 'utf8')) as body)
  select header || '.' || body || '.' || @extschema@.algorithm_sign(header || '.' || body, secret, algorithm) from parts
$$;
create function @extschema@.verify(token text, secret text, algorithm text default 'HS256')
  returns table(header json, payload json, valid boolean)
language sql immutable as $$
  select convert_from(@extschema@.url_decode(r[1]), 'utf8')::json, convert_from(@extschema@.url_decode(r[2]), 'utf8')::json,
         r[3] = @extschema@.algorithm_sign(r[1] || '.' || r[2], secret, algorithm)
    from regexp_split_to_array(token, '\.') r
$$;
