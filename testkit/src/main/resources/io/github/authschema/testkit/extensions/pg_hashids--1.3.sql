-- authschema stand-in for pg_hashids (iCyberon/pg_hashids, over hashids.c): the same functions under the
-- same signatures, computing the same Hashids strings in PL/pgSQL, so a column default or a view that
-- calls id_encode gives the value it gives on Supabase.

-- The salt-driven permutation every Hashids step is built on.
create function @extschema@.authschema_hashids_shuffle(chars text, salt text) returns text
language plpgsql immutable strict as $$
declare
  a text[] := regexp_split_to_array(chars, '');
  i int;
  j int;
  v int := 0;
  p int := 0;
  c int;
  t text;
begin
  if salt = '' then
    return chars;
  end if;
  for i in reverse length(chars) - 1 .. 1 loop
    v := v % length(salt);
    c := ascii(substr(salt, v + 1, 1));
    p := p + c;
    j := (c + v + p) % i;
    t := a[i + 1]; a[i + 1] := a[j + 1]; a[j + 1] := t;
    v := v + 1;
  end loop;
  return array_to_string(a, '');
end $$;

-- {alphabet, separators, guards} for a salt and an alphabet, as hashids_init3 derives them.
create function @extschema@.authschema_hashids_setup(salt text, alphabet text) returns text[]
language plpgsql immutable strict as $$
declare
  letters text := '';
  seps text := '';
  guards text;
  ch text;
  wanted int;
  taken int;
begin
  foreach ch in array regexp_split_to_array(alphabet, '') loop
    if ch = ' ' then
      raise exception 'pg_hashids: the alphabet must not contain spaces';
    end if;
    if strpos(letters, ch) = 0 then
      letters := letters || ch;
    end if;
  end loop;
  if length(letters) < 16 then
    raise exception 'pg_hashids: the alphabet must contain at least 16 unique characters';
  end if;
  foreach ch in array regexp_split_to_array('cfhistuCFHISTU', '') loop
    if strpos(letters, ch) > 0 then
      seps := seps || ch;
      letters := replace(letters, ch, '');
    end if;
  end loop;
  seps := @extschema@.authschema_hashids_shuffle(seps, salt);
  if seps = '' or length(letters)::numeric / length(seps) > 3.5 then
    wanted := greatest(ceil(length(letters) / 3.5)::int, 2);
    if wanted > length(seps) then
      taken := wanted - length(seps);
      seps := seps || left(letters, taken);
      letters := substr(letters, taken + 1);
    else
      seps := left(seps, wanted);
    end if;
  end if;
  letters := @extschema@.authschema_hashids_shuffle(letters, salt);
  taken := ceil(length(letters) / 12.0)::int;
  if length(letters) < 3 then
    guards := left(seps, taken);
    seps := substr(seps, taken + 1);
  else
    guards := left(letters, taken);
    letters := substr(letters, taken + 1);
  end if;
  return array[letters, seps, guards];
end $$;

-- A string cut at any of the given characters (guards or separators).
create function @extschema@.authschema_hashids_split(hash text, chars text) returns text[]
language sql immutable strict as $$
  select regexp_split_to_array(hash, '[' || regexp_replace(chars, '([\]\\^-])', '\\\1', 'g') || ']')
$$;

create function @extschema@.authschema_hashids_encode(numbers bigint[], salt text, min_length int, alphabet text)
returns text language plpgsql immutable strict as $$
declare
  setup text[] := @extschema@.authschema_hashids_setup(salt, alphabet);
  letters text := setup[1];
  seps text := setup[2];
  guards text := setup[3];
  n bigint;
  rest bigint;
  i int;
  digits text;
  values_hash bigint := 0;
  lottery text;
  result text;
  half int;
  excess int;
begin
  if cardinality(numbers) = 0 then
    return '';
  end if;
  for i in 1 .. cardinality(numbers) loop
    if numbers[i] is null or numbers[i] < 0 then
      raise exception 'pg_hashids: the stand-in encodes only non-negative numbers, got %', numbers[i];
    end if;
    values_hash := values_hash + numbers[i] % (i - 1 + 100);
  end loop;
  lottery := substr(letters, (values_hash % length(letters))::int + 1, 1);
  result := lottery;
  for i in 1 .. cardinality(numbers) loop
    n := numbers[i];
    letters := @extschema@.authschema_hashids_shuffle(letters, left(lottery || salt || letters, length(letters)));
    digits := '';
    rest := n;
    loop
      digits := substr(letters, (rest % length(letters))::int + 1, 1) || digits;
      rest := rest / length(letters);
      exit when rest = 0;
    end loop;
    result := result || digits;
    if i < cardinality(numbers) then
      n := n % (ascii(digits) + i - 1);
      result := result || substr(seps, (n % length(seps))::int + 1, 1);
    end if;
  end loop;
  if length(result) < min_length then
    result := substr(guards, ((values_hash + ascii(result)) % length(guards))::int + 1, 1) || result;
    if length(result) < min_length then
      result := result || substr(guards, ((values_hash + ascii(substr(result, 3, 1))) % length(guards))::int + 1, 1);
    end if;
  end if;
  half := length(letters) / 2;
  while length(result) < min_length loop
    letters := @extschema@.authschema_hashids_shuffle(letters, letters);
    result := substr(letters, half + 1) || result || left(letters, half);
    excess := length(result) - min_length;
    if excess > 0 then
      result := substr(result, excess / 2 + 1, min_length);
    end if;
  end loop;
  return result;
end $$;

-- The numbers a Hashids string stands for, or an empty array when it is not one this salt, length and
-- alphabet produce (checked by encoding the numbers again).
create function @extschema@.authschema_hashids_decode(hash text, salt text, min_length int, alphabet text)
returns bigint[] language plpgsql immutable strict as $$
declare
  setup text[] := @extschema@.authschema_hashids_setup(salt, alphabet);
  letters text := setup[1];
  body text;
  parts text[];
  part text;
  lottery text;
  numbers bigint[] := '{}';
  n numeric;
  k int;
begin
  parts := @extschema@.authschema_hashids_split(hash, setup[3]);
  body := case when cardinality(parts) in (2, 3) then parts[2] else parts[1] end;
  if body is null or body = '' then
    return '{}';
  end if;
  lottery := left(body, 1);
  foreach part in array @extschema@.authschema_hashids_split(substr(body, 2), setup[2]) loop
    letters := @extschema@.authschema_hashids_shuffle(letters, left(lottery || salt || letters, length(letters)));
    n := 0;
    for k in 1 .. length(part) loop
      if strpos(letters, substr(part, k, 1)) = 0 then
        return '{}';
      end if;
      n := n * length(letters) + strpos(letters, substr(part, k, 1)) - 1;
    end loop;
    if n > 9223372036854775807 then
      return '{}';
    end if;
    numbers := numbers || n::bigint;
  end loop;
  if @extschema@.authschema_hashids_encode(numbers, salt, min_length, alphabet) is distinct from hash then
    return '{}';
  end if;
  return numbers;
end $$;

create function @extschema@.id_encode(bigint[], text, int, text) returns text language sql immutable strict
  as $$ select @extschema@.authschema_hashids_encode($1, $2, $3, $4) $$;
create function @extschema@.id_encode(bigint[], text, int) returns text language sql immutable strict
  as $$ select @extschema@.authschema_hashids_encode($1, $2, $3, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890') $$;
create function @extschema@.id_encode(bigint[], text) returns text language sql immutable strict
  as $$ select @extschema@.id_encode($1, $2, 0) $$;
create function @extschema@.id_encode(bigint[]) returns text language sql immutable strict
  as $$ select @extschema@.id_encode($1, '', 0) $$;
create function @extschema@.id_encode(bigint, text, int, text) returns text language sql immutable strict
  as $$ select @extschema@.id_encode(array[$1], $2, $3, $4) $$;
create function @extschema@.id_encode(bigint, text, int) returns text language sql immutable strict
  as $$ select @extschema@.id_encode(array[$1], $2, $3) $$;
create function @extschema@.id_encode(bigint, text) returns text language sql immutable strict
  as $$ select @extschema@.id_encode(array[$1], $2, 0) $$;
create function @extschema@.id_encode(bigint) returns text language sql immutable strict
  as $$ select @extschema@.id_encode(array[$1], '', 0) $$;

create function @extschema@.id_decode(text, text, int, text) returns bigint[] language sql immutable strict
  as $$ select @extschema@.authschema_hashids_decode($1, $2, $3, $4) $$;
create function @extschema@.id_decode(text, text, int) returns bigint[] language sql immutable strict
  as $$ select @extschema@.authschema_hashids_decode($1, $2, $3, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890') $$;
create function @extschema@.id_decode(text, text) returns bigint[] language sql immutable strict
  as $$ select @extschema@.id_decode($1, $2, 0) $$;
create function @extschema@.id_decode(text) returns bigint[] language sql immutable strict
  as $$ select @extschema@.id_decode($1, '', 0) $$;

create function @extschema@.id_decode_once(text, text, int, text) returns bigint language sql immutable strict
  as $$ select (@extschema@.id_decode($1, $2, $3, $4))[1] $$;
create function @extschema@.id_decode_once(text, text, int) returns bigint language sql immutable strict
  as $$ select (@extschema@.id_decode($1, $2, $3))[1] $$;
create function @extschema@.id_decode_once(text, text) returns bigint language sql immutable strict
  as $$ select (@extschema@.id_decode($1, $2))[1] $$;
create function @extschema@.id_decode_once(text) returns bigint language sql immutable strict
  as $$ select (@extschema@.id_decode($1))[1] $$;

-- The names of version 1, kept by the real extension.
create function @extschema@.hash_encode(bigint, text, int) returns text language sql immutable strict
  as $$ select @extschema@.id_encode($1, $2, $3) $$;
create function @extschema@.hash_encode(bigint, text) returns text language sql immutable strict
  as $$ select @extschema@.id_encode($1, $2) $$;
create function @extschema@.hash_encode(bigint) returns text language sql immutable strict
  as $$ select @extschema@.id_encode($1) $$;
create function @extschema@.hash_decode(text, text, int) returns int language sql immutable strict
  as $$ select @extschema@.id_decode_once($1, $2, $3)::int $$;
