-- Records, for every DDL command a migration runs, which migration ran it and the statement's text,
-- so findings can point at file and line. Installed by a superuser before the migrations; the
-- migration in progress is named in the session setting authschema.migration.
create schema authschema_trace;
revoke all on schema authschema_trace from public;

create table authschema_trace.events (
  seq bigserial primary key,
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
  cmd record;
  seen boolean := false;
begin
  if migration is null or pg_catalog.current_setting('authschema.lending', true) = 'on' then
    return;
  end if;
  for cmd in select * from pg_catalog.pg_event_trigger_ddl_commands() loop
    seen := true;
    insert into authschema_trace.events (migration, statement, command_tag, object_type, schema_name, object_identity)
    values (migration, pg_catalog.current_query(), cmd.command_tag, cmd.object_type, cmd.schema_name, cmd.object_identity);
  end loop;
  if not seen then
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
