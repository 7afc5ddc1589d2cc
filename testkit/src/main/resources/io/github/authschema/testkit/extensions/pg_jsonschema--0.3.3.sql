-- authschema stand-in for pg_jsonschema (supabase/pg_jsonschema): json_matches_schema, jsonb_matches_schema
-- and jsonschema_is_valid, for the keywords CHECK constraints in migrations use. Keywords it does not
-- know ($ref, oneOf, pattern, format, …) are not checked: a document can pass here that the real
-- extension rejects, never the other way round.
create function @extschema@.authschema_jsonschema_check(schema jsonb, instance jsonb) returns boolean
language plpgsql immutable as $$
declare
  kind text := jsonb_typeof(instance);
  expected jsonb := schema -> 'type';
  key text;
  sub jsonb;
begin
  if jsonb_typeof(schema) = 'boolean' then
    return schema::text::boolean;
  end if;
  if expected is not null then
    if not exists (
      select 1 from jsonb_array_elements_text(case when jsonb_typeof(expected) = 'array' then expected
                                                     else jsonb_build_array(expected) end) t
       where t = kind
          or (t = 'integer' and kind = 'number' and instance::text::numeric = trunc(instance::text::numeric))
          or (t = 'number' and kind = 'number')) then
      return false;
    end if;
  end if;
  if schema ? 'enum' and not exists (select 1 from jsonb_array_elements(schema -> 'enum') e where e = instance) then
    return false;
  end if;
  if schema ? 'const' and schema -> 'const' <> instance then
    return false;
  end if;
  if kind = 'object' then
    if schema ? 'required' and exists (select 1 from jsonb_array_elements_text(schema -> 'required') r where not instance ? r) then
      return false;
    end if;
    for key, sub in select * from jsonb_each(coalesce(schema -> 'properties', '{}')) loop
      if instance ? key and not @extschema@.authschema_jsonschema_check(sub, instance -> key) then
        return false;
      end if;
    end loop;
    if schema -> 'additionalProperties' is not null and exists (
        select 1 from jsonb_object_keys(instance) k where not coalesce(schema -> 'properties', '{}') ? k
          and not @extschema@.authschema_jsonschema_check(schema -> 'additionalProperties', instance -> k)) then
      return false;
    end if;
  elsif kind = 'array' then
    if schema ? 'items' and jsonb_typeof(schema -> 'items') in ('object', 'boolean') and exists (
        select 1 from jsonb_array_elements(instance) e where not @extschema@.authschema_jsonschema_check(schema -> 'items', e)) then
      return false;
    end if;
    if jsonb_array_length(instance) < coalesce((schema ->> 'minItems')::int, 0)
       or jsonb_array_length(instance) > coalesce((schema ->> 'maxItems')::int, 2147483647) then
      return false;
    end if;
  elsif kind = 'string' then
    if char_length(instance #>> '{}') < coalesce((schema ->> 'minLength')::int, 0)
       or char_length(instance #>> '{}') > coalesce((schema ->> 'maxLength')::int, 2147483647) then
      return false;
    end if;
  elsif kind = 'number' then
    if instance::text::numeric < coalesce((schema ->> 'minimum')::numeric, instance::text::numeric)
       or instance::text::numeric > coalesce((schema ->> 'maximum')::numeric, instance::text::numeric) then
      return false;
    end if;
  end if;
  return true;
end
$$;
create function @extschema@.jsonb_matches_schema(schema json, instance jsonb) returns boolean
language sql immutable as $$ select @extschema@.authschema_jsonschema_check(schema::jsonb, instance) $$;
create function @extschema@.json_matches_schema(schema json, instance json) returns boolean
language sql immutable as $$ select @extschema@.authschema_jsonschema_check(schema::jsonb, instance::jsonb) $$;
create function @extschema@.jsonschema_is_valid(schema json) returns boolean
language sql immutable as $$ select jsonb_typeof(schema::jsonb) in ('object', 'boolean') $$;
