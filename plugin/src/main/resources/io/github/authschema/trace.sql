-- Records, for every DDL command a migration runs, which migration ran it and the statement's text,
-- so findings can point at file and line. Installed by a superuser before the migrations; the
-- migration in progress is named in the session setting authschema.migration.
create schema authschema_trace;
revoke all on schema authschema_trace from public;

create table authschema_trace.events (
  seq bigserial,
  migration text,
  statement text,
  command_tag text not null,
  object_type text,
  schema_name text,
  object_identity text,
  dropped boolean not null default false
);

create function authschema_trace.on_ddl_end() returns event_trigger
language plpgsql security definer set search_path = '' as $fn$
declare
  migration text := nullif(pg_catalog.current_setting('authschema.migration', true), '');
  recorded bigint;
begin
  if migration is null or pg_catalog.current_setting('authschema.lending', true) = 'on' then
    return;
  end if;
  -- one set insert per command: this runs for every DDL statement of every migration
  insert into authschema_trace.events (migration, statement, command_tag, object_type, schema_name, object_identity)
  select migration, pg_catalog.current_query(), c.command_tag, c.object_type, c.schema_name, c.object_identity
  from pg_catalog.pg_event_trigger_ddl_commands() c;
  get diagnostics recorded = row_count;
  if recorded = 0 then
    -- a command that changed nothing: CREATE ... IF NOT EXISTS on an existing object
    insert into authschema_trace.events (migration, statement, command_tag, object_type)
    values (migration, pg_catalog.current_query(), tg_tag, 'skipped');
  end if;
end
$fn$;

create function authschema_trace.on_sql_drop() returns event_trigger
language plpgsql security definer set search_path = '' as $fn$
declare
  migration text := nullif(pg_catalog.current_setting('authschema.migration', true), '');
  obj record;
begin
  if migration is null then
    return;
  end if;
  for obj in select * from pg_catalog.pg_event_trigger_dropped_objects() where original loop
    insert into authschema_trace.events (migration, statement, command_tag, object_type, schema_name, object_identity, dropped)
    values (migration, pg_catalog.current_query(), tg_tag, obj.object_type, obj.schema_name, obj.object_identity, true);
  end loop;
end
$fn$;

create event trigger authschema_trace_ddl on ddl_command_end execute function authschema_trace.on_ddl_end();
create event trigger authschema_trace_drop on sql_drop execute function authschema_trace.on_sql_drop();
