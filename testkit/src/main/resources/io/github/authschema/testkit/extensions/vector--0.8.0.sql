-- authschema stand-in for pgvector 0.8.0 (the version Supabase ships): the types vector(n), halfvec(n)
-- and sparsevec(n) with their dimension checks, the casts, the distance operators computing real
-- distances, and the hnsw and ivfflat index methods with pgvector's operator-class names.
--
-- Without C, a value is kept as its text: vector and halfvec are read by PostgreSQL's json reader
-- (their literal '[1,2,3]' is a JSON array), sparsevec as plain text. The dimension cast every typed
-- column applies checks and normalises the value as pgvector's reader would; a column without
-- dimensions is checked when a function reads it.
--
-- The index methods are PostgreSQL's hash index under pgvector's names: CREATE INDEX works, nothing
-- is ever searched through them, and their WITH (m, ef_construction, lists) options are left out by
-- the migration runner, since no built-in index method accepts them.
--
-- Function bodies that call other functions of this script are SQL-standard bodies, bound when the
-- script runs, so they work from any search_path and after ALTER EXTENSION vector SET SCHEMA.

-- Reading and writing values -------------------------------------------------------------------

create function authschema_vector_parse(lit text, type_name text) returns real[]
language plpgsql immutable strict parallel safe as $$
declare
  body text := btrim(lit);
  result real[];
begin
  if left(body, 1) <> '[' or right(body, 1) <> ']' then
    raise exception 'invalid input syntax for type %: "%"', type_name, lit
      using errcode = '22P02', detail = 'Vector contents must start with "[" and end with "]".';
  end if;
  begin
    result := ('{' || substr(body, 2, length(body) - 2) || '}')::real[];
  exception when others then
    raise exception 'invalid input syntax for type %: "%"', type_name, lit using errcode = '22P02';
  end;
  if array_ndims(result) > 1 or array_position(result, null) is not null then
    raise exception 'invalid input syntax for type %: "%"', type_name, lit using errcode = '22P02';
  end if;
  return result;
end $$;

-- The text pgvector prints for these elements, after its checks; halfvec rounds to half precision.
create function authschema_vector_format(elements real[], type_name text, dims integer) returns text
language plpgsql immutable parallel safe as $$
declare
  n integer := coalesce(cardinality(elements), 0);
  x real;
  step double precision;
  rounded real[] := '{}';
begin
  if n < 1 then
    raise exception '% must have at least 1 dimension', type_name using errcode = '22000';
  end if;
  if n > 16000 then
    raise exception '% cannot have more than 16000 dimensions', type_name using errcode = '54000';
  end if;
  if dims is not null and dims >= 0 and n <> dims then
    raise exception 'expected % dimensions, not %', dims, n using errcode = '22000';
  end if;
  foreach x in array elements loop
    if x is null then
      raise exception 'array must not contain nulls' using errcode = '22004';
    elsif x = 'NaN'::real then
      raise exception 'NaN not allowed in %', type_name using errcode = '22000';
    elsif x in ('Infinity'::real, '-Infinity'::real) then
      raise exception 'infinite value not allowed in %', type_name using errcode = '22000';
    end if;
    if type_name = 'halfvec' and x <> 0 then
      if abs(x) > 65504 then
        raise exception '"%" is out of range for type halfvec', x using errcode = '22003';
      end if;
      step := power(2::double precision, greatest(floor(log(2, abs(x)::numeric)), -14) - 10);
      x := round(x / step) * step;
    end if;
    rounded := rounded || x;
  end loop;
  return '[' || array_to_string(rounded, ',') || ']';
end $$;

create function authschema_sparsevec_parse(lit text) returns real[]
language plpgsql immutable strict parallel safe as $$
declare
  parts text[] := regexp_match(lit, '^\s*\{([^}]*)\}\s*/\s*(-?\d+)\s*$');
  dims bigint;
  result real[];
  pair text;
  idx bigint;
begin
  if parts is null then
    raise exception 'invalid input syntax for type sparsevec: "%"', lit using errcode = '22P02';
  end if;
  dims := parts[2]::bigint;
  if dims < 1 then
    raise exception 'sparsevec must have at least 1 dimension' using errcode = '22000';
  end if;
  if dims > 1000000000 then
    raise exception 'sparsevec cannot have more than 1000000000 dimensions' using errcode = '54000';
  end if;
  if dims > 16000 then
    raise exception 'the authschema stand-in for vector computes sparsevec up to 16000 dimensions, not %', dims
      using errcode = '0A000';
  end if;
  result := array_fill(0::real, array[dims::integer]);
  if btrim(parts[1]) <> '' then
    foreach pair in array string_to_array(parts[1], ',') loop
      begin
        idx := btrim(split_part(pair, ':', 1))::bigint;
        if idx < 1 or idx > dims then
          raise exception 'sparsevec index out of bounds' using errcode = '22000';
        end if;
        if result[idx] <> 0 then
          raise exception 'sparsevec indices must not contain duplicates' using errcode = '22000';
        end if;
        result[idx] := btrim(split_part(pair, ':', 2))::real;
      exception when invalid_text_representation then
        raise exception 'invalid input syntax for type sparsevec: "%"', lit using errcode = '22P02';
      end;
    end loop;
  end if;
  return result;
end $$;

create function authschema_sparsevec_format(elements real[], dims integer) returns text
language plpgsql immutable parallel safe as $$
declare
  entries text[] := '{}';
  i integer;
begin
  if dims is not null and dims >= 0 and cardinality(elements) <> dims then
    raise exception 'expected % dimensions, not %', dims, cardinality(elements) using errcode = '22000';
  end if;
  for i in 1 .. cardinality(elements) loop
    if elements[i] = 'NaN'::real then
      raise exception 'NaN not allowed in sparsevec' using errcode = '22000';
    elsif elements[i] in ('Infinity'::real, '-Infinity'::real) then
      raise exception 'infinite value not allowed in sparsevec' using errcode = '22000';
    elsif elements[i] <> 0 then
      entries := entries || (i || ':' || elements[i]);
    end if;
  end loop;
  return '{' || array_to_string(entries, ',') || '}/' || cardinality(elements);
end $$;

-- Arithmetic on elements -----------------------------------------------------------------------

create function authschema_vector_distance(a real[], b real[], metric text) returns double precision
language plpgsql immutable strict parallel safe as $$
declare
  dot double precision := 0;
  na double precision := 0;
  nb double precision := 0;
  l2 double precision := 0;
  l1 double precision := 0;
  i integer;
begin
  if cardinality(a) <> cardinality(b) then
    raise exception 'different vector dimensions % and %', cardinality(a), cardinality(b) using errcode = '22000';
  end if;
  for i in 1 .. cardinality(a) loop
    dot := dot + a[i]::double precision * b[i];
    na := na + a[i]::double precision * a[i];
    nb := nb + b[i]::double precision * b[i];
    l2 := l2 + (a[i]::double precision - b[i]) ^ 2;
    l1 := l1 + abs(a[i]::double precision - b[i]);
  end loop;
  return case metric
    when 'l2' then sqrt(l2)
    when 'l2_squared' then l2
    when 'ip' then dot
    when 'negative_ip' then -dot
    when 'l1' then l1
    when 'cosine' then case when na = 0 or nb = 0 then 'NaN'::double precision
                            else 1 - greatest(-1, least(1, dot / sqrt(na * nb))) end
  end;
end $$;

create function authschema_vector_combine(a real[], b real[], op text) returns real[]
language plpgsql immutable strict parallel safe as $$
declare
  result real[] := '{}';
  i integer;
begin
  if cardinality(a) <> cardinality(b) then
    raise exception 'different vector dimensions % and %', cardinality(a), cardinality(b) using errcode = '22000';
  end if;
  for i in 1 .. cardinality(a) loop
    result := result || case op when '+' then a[i] + b[i] when '-' then a[i] - b[i] else a[i] * b[i] end;
  end loop;
  return result;
end $$;

create function authschema_vector_normalize(a real[]) returns real[]
language sql immutable strict parallel safe
return (select case when norm = 0 then a else array(select x / norm from unnest(a) x) end
        from (select sqrt(sum(x::double precision * x)) norm from unnest(a) x) n);

create function authschema_vector_quantize(a real[]) returns bit varying
language sql immutable strict parallel safe
return array_to_string(array(select case when x > 0 then '1' else '0' end from unnest(a) x), '')::bit varying;

-- Aggregates keep the count and the sums of the elements.
create function authschema_vector_accum(state double precision[], a real[]) returns double precision[]
language plpgsql immutable parallel safe as $$
declare
  i integer;
begin
  if a is null then
    return state;
  end if;
  if state is null then
    return array[1]::double precision[] || a::double precision[];
  end if;
  if cardinality(state) - 1 <> cardinality(a) then
    raise exception 'expected % dimensions, not %', cardinality(state) - 1, cardinality(a) using errcode = '22000';
  end if;
  state[1] := state[1] + 1;
  for i in 1 .. cardinality(a) loop
    state[i + 1] := state[i + 1] + a[i];
  end loop;
  return state;
end $$;

create function authschema_vector_combine_states(a double precision[], b double precision[]) returns double precision[]
language sql immutable parallel safe
return case when a is null then b when b is null then a
            else array(select x + y from unnest(a, b) as t(x, y)) end;

-- The types ------------------------------------------------------------------------------------

create function authschema_vector_typmod(mods cstring[], type_name text, max_dims integer) returns integer
language plpgsql immutable strict parallel safe as $$
declare
  dims integer;
begin
  if array_length(mods, 1) <> 1 then
    raise exception 'invalid type modifier' using errcode = '22023';
  end if;
  dims := mods[1]::text::integer;
  if dims < 1 then
    raise exception 'dimensions for type % must be at least 1', type_name using errcode = '22023';
  end if;
  if dims > max_dims then
    raise exception 'dimensions for type % cannot exceed %', type_name, max_dims using errcode = '22023';
  end if;
  return dims;
end $$;

create type vector;
create function vector_in(cstring, oid, integer) returns vector language internal immutable strict parallel safe as 'json_in';
create function vector_out(vector) returns cstring language internal immutable strict parallel safe as 'json_out';
create function vector_typmod_in(cstring[]) returns integer language sql immutable strict parallel safe
return authschema_vector_typmod($1, 'vector', 16000);
create function vector_typmod_out(integer) returns cstring language internal immutable strict parallel safe as 'bittypmodout';
create type vector (input = vector_in, output = vector_out, typmod_in = vector_typmod_in, typmod_out = vector_typmod_out,
                    internallength = variable, storage = external, alignment = int4);

create type halfvec;
create function halfvec_in(cstring, oid, integer) returns halfvec language internal immutable strict parallel safe as 'json_in';
create function halfvec_out(halfvec) returns cstring language internal immutable strict parallel safe as 'json_out';
create function halfvec_typmod_in(cstring[]) returns integer language sql immutable strict parallel safe
return authschema_vector_typmod($1, 'halfvec', 16000);
create type halfvec (input = halfvec_in, output = halfvec_out, typmod_in = halfvec_typmod_in, typmod_out = vector_typmod_out,
                     internallength = variable, storage = external, alignment = int4);

create type sparsevec;
create function sparsevec_in(cstring, oid, integer) returns sparsevec language internal immutable strict parallel safe as 'textin';
create function sparsevec_out(sparsevec) returns cstring language internal immutable strict parallel safe as 'textout';
create function sparsevec_typmod_in(cstring[]) returns integer language sql immutable strict parallel safe
return authschema_vector_typmod($1, 'sparsevec', 1000000000);
create type sparsevec (input = sparsevec_in, output = sparsevec_out, typmod_in = sparsevec_typmod_in, typmod_out = vector_typmod_out,
                       internallength = variable, storage = external, alignment = int4);

-- Elements of each type, checked as pgvector's reader checks them.
create function vector_to_float4(vector, integer, boolean) returns real[] language sql immutable strict parallel safe
return authschema_vector_parse($1::text, 'vector');
create function halfvec_to_float4(halfvec, integer, boolean) returns real[] language sql immutable strict parallel safe
return authschema_vector_parse($1::text, 'halfvec');
create function authschema_sparsevec_elements(sparsevec) returns real[] language sql immutable strict parallel safe
return authschema_sparsevec_parse($1::text);

-- Casts ----------------------------------------------------------------------------------------

create function vector(vector, integer, boolean) returns vector language sql immutable strict parallel safe
return cast(authschema_vector_format(vector_to_float4($1, -1, $3), 'vector', $2) as vector);
create function halfvec(halfvec, integer, boolean) returns halfvec language sql immutable strict parallel safe
return cast(authschema_vector_format(halfvec_to_float4($1, -1, $3), 'halfvec', $2) as halfvec);
create function sparsevec(sparsevec, integer, boolean) returns sparsevec language sql immutable strict parallel safe
return cast(authschema_sparsevec_format(authschema_sparsevec_elements($1), $2) as sparsevec);

create function array_to_vector(integer[], integer, boolean) returns vector language sql immutable strict parallel safe
return cast(authschema_vector_format($1::real[], 'vector', $2) as vector);
create function array_to_vector(real[], integer, boolean) returns vector language sql immutable strict parallel safe
return cast(authschema_vector_format($1, 'vector', $2) as vector);
create function array_to_vector(double precision[], integer, boolean) returns vector language sql immutable strict parallel safe
return cast(authschema_vector_format($1::real[], 'vector', $2) as vector);
create function array_to_vector(numeric[], integer, boolean) returns vector language sql immutable strict parallel safe
return cast(authschema_vector_format($1::real[], 'vector', $2) as vector);
create function array_to_halfvec(integer[], integer, boolean) returns halfvec language sql immutable strict parallel safe
return cast(authschema_vector_format($1::real[], 'halfvec', $2) as halfvec);
create function array_to_halfvec(real[], integer, boolean) returns halfvec language sql immutable strict parallel safe
return cast(authschema_vector_format($1, 'halfvec', $2) as halfvec);
create function array_to_halfvec(double precision[], integer, boolean) returns halfvec language sql immutable strict parallel safe
return cast(authschema_vector_format($1::real[], 'halfvec', $2) as halfvec);
create function array_to_halfvec(numeric[], integer, boolean) returns halfvec language sql immutable strict parallel safe
return cast(authschema_vector_format($1::real[], 'halfvec', $2) as halfvec);
create function array_to_sparsevec(integer[], integer, boolean) returns sparsevec language sql immutable strict parallel safe
return cast(authschema_sparsevec_format($1::real[], $2) as sparsevec);
create function array_to_sparsevec(real[], integer, boolean) returns sparsevec language sql immutable strict parallel safe
return cast(authschema_sparsevec_format($1, $2) as sparsevec);
create function array_to_sparsevec(double precision[], integer, boolean) returns sparsevec language sql immutable strict parallel safe
return cast(authschema_sparsevec_format($1::real[], $2) as sparsevec);
create function array_to_sparsevec(numeric[], integer, boolean) returns sparsevec language sql immutable strict parallel safe
return cast(authschema_sparsevec_format($1::real[], $2) as sparsevec);

create function vector_to_halfvec(vector, integer, boolean) returns halfvec language sql immutable strict parallel safe
return cast(authschema_vector_format(vector_to_float4($1, -1, $3), 'halfvec', $2) as halfvec);
create function halfvec_to_vector(halfvec, integer, boolean) returns vector language sql immutable strict parallel safe
return cast(authschema_vector_format(halfvec_to_float4($1, -1, $3), 'vector', $2) as vector);
create function vector_to_sparsevec(vector, integer, boolean) returns sparsevec language sql immutable strict parallel safe
return cast(authschema_sparsevec_format(vector_to_float4($1, -1, $3), $2) as sparsevec);
create function sparsevec_to_vector(sparsevec, integer, boolean) returns vector language sql immutable strict parallel safe
return cast(authschema_vector_format(authschema_sparsevec_elements($1), 'vector', $2) as vector);
create function halfvec_to_sparsevec(halfvec, integer, boolean) returns sparsevec language sql immutable strict parallel safe
return cast(authschema_sparsevec_format(halfvec_to_float4($1, -1, $3), $2) as sparsevec);
create function sparsevec_to_halfvec(sparsevec, integer, boolean) returns halfvec language sql immutable strict parallel safe
return cast(authschema_vector_format(authschema_sparsevec_elements($1), 'halfvec', $2) as halfvec);

create cast (vector as vector) with function vector(vector, integer, boolean) as implicit;
create cast (halfvec as halfvec) with function halfvec(halfvec, integer, boolean) as implicit;
create cast (sparsevec as sparsevec) with function sparsevec(sparsevec, integer, boolean) as implicit;
create cast (integer[] as vector) with function array_to_vector(integer[], integer, boolean) as assignment;
create cast (real[] as vector) with function array_to_vector(real[], integer, boolean) as assignment;
create cast (double precision[] as vector) with function array_to_vector(double precision[], integer, boolean) as assignment;
create cast (numeric[] as vector) with function array_to_vector(numeric[], integer, boolean) as assignment;
create cast (integer[] as halfvec) with function array_to_halfvec(integer[], integer, boolean) as assignment;
create cast (real[] as halfvec) with function array_to_halfvec(real[], integer, boolean) as assignment;
create cast (double precision[] as halfvec) with function array_to_halfvec(double precision[], integer, boolean) as assignment;
create cast (numeric[] as halfvec) with function array_to_halfvec(numeric[], integer, boolean) as assignment;
create cast (integer[] as sparsevec) with function array_to_sparsevec(integer[], integer, boolean) as assignment;
create cast (real[] as sparsevec) with function array_to_sparsevec(real[], integer, boolean) as assignment;
create cast (double precision[] as sparsevec) with function array_to_sparsevec(double precision[], integer, boolean) as assignment;
create cast (numeric[] as sparsevec) with function array_to_sparsevec(numeric[], integer, boolean) as assignment;
create cast (vector as real[]) with function vector_to_float4(vector, integer, boolean) as implicit;
create cast (halfvec as real[]) with function halfvec_to_float4(halfvec, integer, boolean) as implicit;
create cast (vector as halfvec) with function vector_to_halfvec(vector, integer, boolean) as implicit;
create cast (halfvec as vector) with function halfvec_to_vector(halfvec, integer, boolean) as assignment;
create cast (vector as sparsevec) with function vector_to_sparsevec(vector, integer, boolean) as implicit;
create cast (sparsevec as vector) with function sparsevec_to_vector(sparsevec, integer, boolean) as assignment;
create cast (halfvec as sparsevec) with function halfvec_to_sparsevec(halfvec, integer, boolean) as implicit;
create cast (sparsevec as halfvec) with function sparsevec_to_halfvec(sparsevec, integer, boolean) as assignment;

-- Functions and operators ----------------------------------------------------------------------

create function l2_distance(vector, vector) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(vector_to_float4($1, -1, false), vector_to_float4($2, -1, false), 'l2');
create function inner_product(vector, vector) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(vector_to_float4($1, -1, false), vector_to_float4($2, -1, false), 'ip');
create function vector_negative_inner_product(vector, vector) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(vector_to_float4($1, -1, false), vector_to_float4($2, -1, false), 'negative_ip');
create function cosine_distance(vector, vector) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(vector_to_float4($1, -1, false), vector_to_float4($2, -1, false), 'cosine');
create function l1_distance(vector, vector) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(vector_to_float4($1, -1, false), vector_to_float4($2, -1, false), 'l1');
create function vector_l2_squared_distance(vector, vector) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(vector_to_float4($1, -1, false), vector_to_float4($2, -1, false), 'l2_squared');
create function vector_dims(vector) returns integer language sql immutable strict parallel safe
return cardinality(vector_to_float4($1, -1, false));
create function vector_norm(vector) returns double precision language sql immutable strict parallel safe
return sqrt(authschema_vector_distance(vector_to_float4($1, -1, false), vector_to_float4($1, -1, false), 'ip'));
create function l2_normalize(vector) returns vector language sql immutable strict parallel safe
return cast(authschema_vector_format(authschema_vector_normalize(vector_to_float4($1, -1, false)), 'vector', -1) as vector);
create function subvector(vector, integer, integer) returns vector language sql immutable strict parallel safe
return cast(authschema_vector_format((vector_to_float4($1, -1, false))[greatest($2, 1) : $2 + $3 - 1], 'vector', -1) as vector);
create function binary_quantize(vector) returns bit language sql immutable strict parallel safe
return authschema_vector_quantize(vector_to_float4($1, -1, false))::bit;
create function vector_add(vector, vector) returns vector language sql immutable strict parallel safe
return cast(authschema_vector_format(authschema_vector_combine(vector_to_float4($1, -1, false), vector_to_float4($2, -1, false), '+'), 'vector', -1) as vector);
create function vector_sub(vector, vector) returns vector language sql immutable strict parallel safe
return cast(authschema_vector_format(authschema_vector_combine(vector_to_float4($1, -1, false), vector_to_float4($2, -1, false), '-'), 'vector', -1) as vector);
create function vector_mul(vector, vector) returns vector language sql immutable strict parallel safe
return cast(authschema_vector_format(authschema_vector_combine(vector_to_float4($1, -1, false), vector_to_float4($2, -1, false), '*'), 'vector', -1) as vector);
create function vector_concat(vector, vector) returns vector language sql immutable strict parallel safe
return cast(authschema_vector_format(vector_to_float4($1, -1, false) || vector_to_float4($2, -1, false), 'vector', -1) as vector);
create function vector_eq(vector, vector) returns boolean language sql immutable strict parallel safe
return vector_to_float4($1, -1, false) = vector_to_float4($2, -1, false);
create function vector_ne(vector, vector) returns boolean language sql immutable strict parallel safe
return vector_to_float4($1, -1, false) <> vector_to_float4($2, -1, false);
create function authschema_vector_hash(vector) returns integer language sql immutable strict parallel safe
return hashtext(vector_to_float4($1, -1, false)::text);

create function l2_distance(halfvec, halfvec) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(halfvec_to_float4($1, -1, false), halfvec_to_float4($2, -1, false), 'l2');
create function inner_product(halfvec, halfvec) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(halfvec_to_float4($1, -1, false), halfvec_to_float4($2, -1, false), 'ip');
create function halfvec_negative_inner_product(halfvec, halfvec) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(halfvec_to_float4($1, -1, false), halfvec_to_float4($2, -1, false), 'negative_ip');
create function cosine_distance(halfvec, halfvec) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(halfvec_to_float4($1, -1, false), halfvec_to_float4($2, -1, false), 'cosine');
create function l1_distance(halfvec, halfvec) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(halfvec_to_float4($1, -1, false), halfvec_to_float4($2, -1, false), 'l1');
create function vector_dims(halfvec) returns integer language sql immutable strict parallel safe
return cardinality(halfvec_to_float4($1, -1, false));
create function l2_norm(halfvec) returns double precision language sql immutable strict parallel safe
return sqrt(authschema_vector_distance(halfvec_to_float4($1, -1, false), halfvec_to_float4($1, -1, false), 'ip'));
create function l2_normalize(halfvec) returns halfvec language sql immutable strict parallel safe
return cast(authschema_vector_format(authschema_vector_normalize(halfvec_to_float4($1, -1, false)), 'halfvec', -1) as halfvec);
create function subvector(halfvec, integer, integer) returns halfvec language sql immutable strict parallel safe
return cast(authschema_vector_format((halfvec_to_float4($1, -1, false))[greatest($2, 1) : $2 + $3 - 1], 'halfvec', -1) as halfvec);
create function binary_quantize(halfvec) returns bit language sql immutable strict parallel safe
return authschema_vector_quantize(halfvec_to_float4($1, -1, false))::bit;
create function halfvec_add(halfvec, halfvec) returns halfvec language sql immutable strict parallel safe
return cast(authschema_vector_format(authschema_vector_combine(halfvec_to_float4($1, -1, false), halfvec_to_float4($2, -1, false), '+'), 'halfvec', -1) as halfvec);
create function halfvec_sub(halfvec, halfvec) returns halfvec language sql immutable strict parallel safe
return cast(authschema_vector_format(authschema_vector_combine(halfvec_to_float4($1, -1, false), halfvec_to_float4($2, -1, false), '-'), 'halfvec', -1) as halfvec);
create function halfvec_mul(halfvec, halfvec) returns halfvec language sql immutable strict parallel safe
return cast(authschema_vector_format(authschema_vector_combine(halfvec_to_float4($1, -1, false), halfvec_to_float4($2, -1, false), '*'), 'halfvec', -1) as halfvec);
create function halfvec_concat(halfvec, halfvec) returns halfvec language sql immutable strict parallel safe
return cast(authschema_vector_format(halfvec_to_float4($1, -1, false) || halfvec_to_float4($2, -1, false), 'halfvec', -1) as halfvec);
create function halfvec_eq(halfvec, halfvec) returns boolean language sql immutable strict parallel safe
return halfvec_to_float4($1, -1, false) = halfvec_to_float4($2, -1, false);
create function halfvec_ne(halfvec, halfvec) returns boolean language sql immutable strict parallel safe
return halfvec_to_float4($1, -1, false) <> halfvec_to_float4($2, -1, false);
create function authschema_halfvec_hash(halfvec) returns integer language sql immutable strict parallel safe
return hashtext(halfvec_to_float4($1, -1, false)::text);

create function l2_distance(sparsevec, sparsevec) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(authschema_sparsevec_elements($1), authschema_sparsevec_elements($2), 'l2');
create function inner_product(sparsevec, sparsevec) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(authschema_sparsevec_elements($1), authschema_sparsevec_elements($2), 'ip');
create function sparsevec_negative_inner_product(sparsevec, sparsevec) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(authschema_sparsevec_elements($1), authschema_sparsevec_elements($2), 'negative_ip');
create function cosine_distance(sparsevec, sparsevec) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(authschema_sparsevec_elements($1), authschema_sparsevec_elements($2), 'cosine');
create function l1_distance(sparsevec, sparsevec) returns double precision language sql immutable strict parallel safe
return authschema_vector_distance(authschema_sparsevec_elements($1), authschema_sparsevec_elements($2), 'l1');
create function l2_norm(sparsevec) returns double precision language sql immutable strict parallel safe
return sqrt(authschema_vector_distance(authschema_sparsevec_elements($1), authschema_sparsevec_elements($1), 'ip'));
create function l2_normalize(sparsevec) returns sparsevec language sql immutable strict parallel safe
return cast(authschema_sparsevec_format(authschema_vector_normalize(authschema_sparsevec_elements($1)), -1) as sparsevec);
create function sparsevec_eq(sparsevec, sparsevec) returns boolean language sql immutable strict parallel safe
return authschema_sparsevec_elements($1) = authschema_sparsevec_elements($2);
create function sparsevec_ne(sparsevec, sparsevec) returns boolean language sql immutable strict parallel safe
return authschema_sparsevec_elements($1) <> authschema_sparsevec_elements($2);
create function authschema_sparsevec_hash(sparsevec) returns integer language sql immutable strict parallel safe
return hashtext(authschema_sparsevec_elements($1)::text);

create function authschema_bit_distance(a bit varying, b bit varying, metric text) returns double precision
language plpgsql immutable strict parallel safe as $$
declare
  both_set integer := length(replace((a & b)::text, '0', ''));
  any_set integer := length(replace((a | b)::text, '0', ''));
begin
  if length(a) <> length(b) then
    raise exception 'different bit lengths % and %', length(a), length(b) using errcode = '22000';
  end if;
  if metric = 'hamming' then
    return length(replace((a # b)::text, '0', ''));
  end if;
  return case when any_set = 0 then 0 else 1 - both_set::double precision / any_set end;
end $$;
create function hamming_distance(bit, bit) returns double precision language sql immutable strict parallel safe
return authschema_bit_distance($1, $2, 'hamming');
create function jaccard_distance(bit, bit) returns double precision language sql immutable strict parallel safe
return authschema_bit_distance($1, $2, 'jaccard');
create function authschema_bit_hash(bit) returns integer language sql immutable strict parallel safe
return hashtext($1::text);

create operator <-> (leftarg = vector, rightarg = vector, function = l2_distance, commutator = '<->');
create operator <#> (leftarg = vector, rightarg = vector, function = vector_negative_inner_product, commutator = '<#>');
create operator <=> (leftarg = vector, rightarg = vector, function = cosine_distance, commutator = '<=>');
create operator <+> (leftarg = vector, rightarg = vector, function = l1_distance, commutator = '<+>');
create operator + (leftarg = vector, rightarg = vector, function = vector_add, commutator = +);
create operator - (leftarg = vector, rightarg = vector, function = vector_sub);
create operator * (leftarg = vector, rightarg = vector, function = vector_mul, commutator = *);
create operator || (leftarg = vector, rightarg = vector, function = vector_concat);
create operator = (leftarg = vector, rightarg = vector, function = vector_eq, commutator = =, negator = <>,
                   restrict = eqsel, join = eqjoinsel);
create operator <> (leftarg = vector, rightarg = vector, function = vector_ne, commutator = <>, negator = =,
                    restrict = neqsel, join = neqjoinsel);

create operator <-> (leftarg = halfvec, rightarg = halfvec, function = l2_distance, commutator = '<->');
create operator <#> (leftarg = halfvec, rightarg = halfvec, function = halfvec_negative_inner_product, commutator = '<#>');
create operator <=> (leftarg = halfvec, rightarg = halfvec, function = cosine_distance, commutator = '<=>');
create operator <+> (leftarg = halfvec, rightarg = halfvec, function = l1_distance, commutator = '<+>');
create operator + (leftarg = halfvec, rightarg = halfvec, function = halfvec_add, commutator = +);
create operator - (leftarg = halfvec, rightarg = halfvec, function = halfvec_sub);
create operator * (leftarg = halfvec, rightarg = halfvec, function = halfvec_mul, commutator = *);
create operator || (leftarg = halfvec, rightarg = halfvec, function = halfvec_concat);
create operator = (leftarg = halfvec, rightarg = halfvec, function = halfvec_eq, commutator = =, negator = <>,
                   restrict = eqsel, join = eqjoinsel);
create operator <> (leftarg = halfvec, rightarg = halfvec, function = halfvec_ne, commutator = <>, negator = =,
                    restrict = neqsel, join = neqjoinsel);

create operator <-> (leftarg = sparsevec, rightarg = sparsevec, function = l2_distance, commutator = '<->');
create operator <#> (leftarg = sparsevec, rightarg = sparsevec, function = sparsevec_negative_inner_product, commutator = '<#>');
create operator <=> (leftarg = sparsevec, rightarg = sparsevec, function = cosine_distance, commutator = '<=>');
create operator <+> (leftarg = sparsevec, rightarg = sparsevec, function = l1_distance, commutator = '<+>');
create operator = (leftarg = sparsevec, rightarg = sparsevec, function = sparsevec_eq, commutator = =, negator = <>,
                   restrict = eqsel, join = eqjoinsel);
create operator <> (leftarg = sparsevec, rightarg = sparsevec, function = sparsevec_ne, commutator = <>, negator = =,
                    restrict = neqsel, join = neqjoinsel);

-- Ordering, as pgvector's btree operator classes give it: element by element.
create function vector_lt(vector, vector) returns boolean language sql immutable strict parallel safe
return vector_to_float4($1, -1, false) < vector_to_float4($2, -1, false);
create function vector_le(vector, vector) returns boolean language sql immutable strict parallel safe
return vector_to_float4($1, -1, false) <= vector_to_float4($2, -1, false);
create function vector_ge(vector, vector) returns boolean language sql immutable strict parallel safe
return vector_to_float4($1, -1, false) >= vector_to_float4($2, -1, false);
create function vector_gt(vector, vector) returns boolean language sql immutable strict parallel safe
return vector_to_float4($1, -1, false) > vector_to_float4($2, -1, false);
create function vector_cmp(vector, vector) returns integer language sql immutable strict parallel safe
return btarraycmp(vector_to_float4($1, -1, false), vector_to_float4($2, -1, false));
create function halfvec_lt(halfvec, halfvec) returns boolean language sql immutable strict parallel safe
return halfvec_to_float4($1, -1, false) < halfvec_to_float4($2, -1, false);
create function halfvec_le(halfvec, halfvec) returns boolean language sql immutable strict parallel safe
return halfvec_to_float4($1, -1, false) <= halfvec_to_float4($2, -1, false);
create function halfvec_ge(halfvec, halfvec) returns boolean language sql immutable strict parallel safe
return halfvec_to_float4($1, -1, false) >= halfvec_to_float4($2, -1, false);
create function halfvec_gt(halfvec, halfvec) returns boolean language sql immutable strict parallel safe
return halfvec_to_float4($1, -1, false) > halfvec_to_float4($2, -1, false);
create function halfvec_cmp(halfvec, halfvec) returns integer language sql immutable strict parallel safe
return btarraycmp(halfvec_to_float4($1, -1, false), halfvec_to_float4($2, -1, false));
create operator < (leftarg = vector, rightarg = vector, function = vector_lt, commutator = >, negator = >=,
                   restrict = scalarltsel, join = scalarltjoinsel);
create operator <= (leftarg = vector, rightarg = vector, function = vector_le, commutator = >=, negator = >,
                    restrict = scalarlesel, join = scalarlejoinsel);
create operator >= (leftarg = vector, rightarg = vector, function = vector_ge, commutator = <=, negator = <,
                    restrict = scalargesel, join = scalargejoinsel);
create operator > (leftarg = vector, rightarg = vector, function = vector_gt, commutator = <, negator = <=,
                   restrict = scalargtsel, join = scalargtjoinsel);
create operator class vector_ops default for type vector using btree as
  operator 1 <, operator 2 <=, operator 3 =, operator 4 >=, operator 5 >, function 1 vector_cmp(vector, vector);
create operator < (leftarg = halfvec, rightarg = halfvec, function = halfvec_lt, commutator = >, negator = >=,
                   restrict = scalarltsel, join = scalarltjoinsel);
create operator <= (leftarg = halfvec, rightarg = halfvec, function = halfvec_le, commutator = >=, negator = >,
                    restrict = scalarlesel, join = scalarlejoinsel);
create operator >= (leftarg = halfvec, rightarg = halfvec, function = halfvec_ge, commutator = <=, negator = <,
                    restrict = scalargesel, join = scalargejoinsel);
create operator > (leftarg = halfvec, rightarg = halfvec, function = halfvec_gt, commutator = <, negator = <=,
                   restrict = scalargtsel, join = scalargtjoinsel);
create operator class halfvec_ops default for type halfvec using btree as
  operator 1 <, operator 2 <=, operator 3 =, operator 4 >=, operator 5 >, function 1 halfvec_cmp(halfvec, halfvec);

create operator <~> (leftarg = bit, rightarg = bit, function = hamming_distance, commutator = '<~>');
create operator <%> (leftarg = bit, rightarg = bit, function = jaccard_distance, commutator = '<%>');

create function authschema_vector_avg(double precision[]) returns vector language sql immutable strict parallel safe
return cast(authschema_vector_format(array(select x / $1[1] from unnest($1[2:]) x)::real[], 'vector', -1) as vector);
create function authschema_vector_accum(double precision[], vector) returns double precision[] language sql immutable parallel safe
return authschema_vector_accum($1, vector_to_float4($2, -1, false));
create function authschema_halfvec_avg(double precision[]) returns halfvec language sql immutable strict parallel safe
return cast(authschema_vector_format(array(select x / $1[1] from unnest($1[2:]) x)::real[], 'halfvec', -1) as halfvec);
create function authschema_halfvec_accum(double precision[], halfvec) returns double precision[] language sql immutable parallel safe
return authschema_vector_accum($1, halfvec_to_float4($2, -1, false));

create aggregate avg(vector) (sfunc = authschema_vector_accum, stype = double precision[], finalfunc = authschema_vector_avg,
                              combinefunc = authschema_vector_combine_states, parallel = safe);
create aggregate sum(vector) (sfunc = vector_add, stype = vector, combinefunc = vector_add, parallel = safe);
create aggregate avg(halfvec) (sfunc = authschema_halfvec_accum, stype = double precision[], finalfunc = authschema_halfvec_avg,
                               combinefunc = authschema_vector_combine_states, parallel = safe);
create aggregate sum(halfvec) (sfunc = halfvec_add, stype = halfvec, combinefunc = halfvec_add, parallel = safe);

-- Index methods --------------------------------------------------------------------------------

create function hnswhandler(internal) returns index_am_handler language internal as 'hashhandler';
create function ivfflathandler(internal) returns index_am_handler language internal as 'hashhandler';
create access method hnsw type index handler hnswhandler;
create access method ivfflat type index handler ivfflathandler;

-- pgvector's operator classes, by name. A hash index needs an equality and a hash function; the
-- distance operator each class is named for is never used to search.
create operator class vector_l2_ops default for type vector using ivfflat as operator 1 =, function 1 authschema_vector_hash(vector);
create operator class vector_ip_ops for type vector using ivfflat as operator 1 =, function 1 authschema_vector_hash(vector);
create operator class vector_cosine_ops for type vector using ivfflat as operator 1 =, function 1 authschema_vector_hash(vector);
create operator class halfvec_l2_ops for type halfvec using ivfflat as operator 1 =, function 1 authschema_halfvec_hash(halfvec);
create operator class halfvec_ip_ops for type halfvec using ivfflat as operator 1 =, function 1 authschema_halfvec_hash(halfvec);
create operator class halfvec_cosine_ops for type halfvec using ivfflat as operator 1 =, function 1 authschema_halfvec_hash(halfvec);
create operator class bit_hamming_ops for type bit using ivfflat as operator 1 =, function 1 authschema_bit_hash(bit);
create operator class vector_l2_ops for type vector using hnsw as operator 1 =, function 1 authschema_vector_hash(vector);
create operator class vector_ip_ops for type vector using hnsw as operator 1 =, function 1 authschema_vector_hash(vector);
create operator class vector_cosine_ops for type vector using hnsw as operator 1 =, function 1 authschema_vector_hash(vector);
create operator class vector_l1_ops for type vector using hnsw as operator 1 =, function 1 authschema_vector_hash(vector);
create operator class halfvec_l2_ops for type halfvec using hnsw as operator 1 =, function 1 authschema_halfvec_hash(halfvec);
create operator class halfvec_ip_ops for type halfvec using hnsw as operator 1 =, function 1 authschema_halfvec_hash(halfvec);
create operator class halfvec_cosine_ops for type halfvec using hnsw as operator 1 =, function 1 authschema_halfvec_hash(halfvec);
create operator class halfvec_l1_ops for type halfvec using hnsw as operator 1 =, function 1 authschema_halfvec_hash(halfvec);
create operator class sparsevec_l2_ops for type sparsevec using hnsw as operator 1 =, function 1 authschema_sparsevec_hash(sparsevec);
create operator class sparsevec_ip_ops for type sparsevec using hnsw as operator 1 =, function 1 authschema_sparsevec_hash(sparsevec);
create operator class sparsevec_cosine_ops for type sparsevec using hnsw as operator 1 =, function 1 authschema_sparsevec_hash(sparsevec);
create operator class sparsevec_l1_ops for type sparsevec using hnsw as operator 1 =, function 1 authschema_sparsevec_hash(sparsevec);
create operator class bit_hamming_ops for type bit using hnsw as operator 1 =, function 1 authschema_bit_hash(bit);
create operator class bit_jaccard_ops for type bit using hnsw as operator 1 =, function 1 authschema_bit_hash(bit);
