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
  dropped boolean not null default false,
  auth_users_lock text
);

-- The lock an ALTER TABLE holds on auth.users when it has just added a validated foreign key to it
-- (the constraint row is this transaction's, or a subtransaction's: their ids are not below the top
-- level's, and the throwaway database runs nothing else): SHARE ROW EXCLUSIVE, held while the existing rows are
-- checked and until the migration commits. Sign-ups need ROW EXCLUSIVE, which it blocks. A NOT VALID
-- key takes the lock only briefly and checks nothing, so it is not recorded. Observed, not parsed.
create function authschema_trace.auth_users_lock(altered oid) returns text
language sql stable security definer set search_path = '' as $fn$
  select l.mode from pg_catalog.pg_locks l
  where exists (select 1 from pg_catalog.pg_constraint k
                where k.conrelid = altered and k.contype = 'f' and k.convalidated
                  and k.confrelid = 'auth.users'::pg_catalog.regclass
                  and k.xmin::text::bigint >= pg_catalog.pg_current_xact_id()::text::bigint % 4294967296)
    and l.pid = pg_catalog.pg_backend_pid() and l.locktype = 'relation' and l.granted
    and l.relation = 'auth.users'::pg_catalog.regclass
    and l.mode in ('ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock')
  order by case l.mode when 'AccessExclusiveLock' then 1 when 'ExclusiveLock' then 2 when 'ShareRowExclusiveLock' then 3 else 4 end
  limit 1
$fn$;

create function authschema_trace.on_ddl_end() returns event_trigger
language plpgsql security definer set search_path = '' as $fn$
declare
  migration text := nullif(pg_catalog.current_setting('authschema.migration', true), '');
  -- the tables this transaction created, as ',oid,oid,': an ALTER TABLE on one of them has no rows to
  -- check, and reading pg_locks (a copy of the whole lock table) for each would be most of the tracer's time
  created text := coalesce(pg_catalog.current_setting('authschema.created_tables', true), ',');
  recorded bigint;
begin
  if migration is null or pg_catalog.current_setting('authschema.lending', true) = 'on' then
    return;
  end if;
  if tg_tag in ('CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO') then
    select created || coalesce(pg_catalog.string_agg(c.objid::text || ',', ''), '') into created
    from pg_catalog.pg_event_trigger_ddl_commands() c where c.object_type = 'table';
    perform pg_catalog.set_config('authschema.created_tables', created, true);
  end if;
  -- one set insert per command: this runs for every DDL statement of every migration
  insert into authschema_trace.events (migration, statement, command_tag, object_type, schema_name, object_identity, auth_users_lock)
  select migration, pg_catalog.current_query(), c.command_tag, c.object_type, c.schema_name, c.object_identity,
         case when c.command_tag = 'ALTER TABLE' and c.object_type = 'table'
                   and pg_catalog.strpos(created, ',' || c.objid::text || ',') = 0
              then authschema_trace.auth_users_lock(c.objid) end
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
