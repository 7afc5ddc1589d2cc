-- Cluster-wide roles of a Supabase project, re-expressed from supabase/postgres init scripts and the
-- CLI's role dump. Roles are shared by every database of a cluster, so this runs once per server.
-- Idempotent: an external server may already have some of these roles.
do $roles$
declare
  wanted text[][] := array[
    ['anon',                   'nologin noinherit'],
    ['authenticated',          'nologin noinherit'],
    ['service_role',           'nologin noinherit bypassrls'],
    ['authenticator',          'login noinherit'],
    ['supabase_auth_admin',    'login noinherit nocreaterole'],
    ['supabase_storage_admin', 'login noinherit createrole'],
    ['supabase_realtime_admin', 'nologin noinherit'],
    ['dashboard_user',         'nologin createrole createdb replication'],
    ['supabase_admin',         'login superuser createdb createrole replication bypassrls'],
    ['postgres',               'login createdb createrole replication bypassrls']
  ];
  i int;
begin
  for i in 1 .. array_length(wanted, 1) loop
    if not exists (select 1 from pg_roles where rolname = wanted[i][1]) then
      execute format('create role %I %s', wanted[i][1], wanted[i][2]);
    end if;
  end loop;
end
$roles$;

-- The image demotes the auth service's role (an external server may have the old one).
alter role supabase_auth_admin nocreaterole;

-- Since 20230529180330 the API roles inherit.
alter role anon inherit;
alter role authenticated inherit;
alter role service_role inherit;

grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres;
grant pg_read_all_data, pg_signal_backend to postgres;

alter role supabase_auth_admin set search_path = auth;
alter role supabase_auth_admin set idle_in_transaction_session_timeout = 60000;
alter role supabase_storage_admin set search_path = storage;
alter role postgres set search_path = "$user", public, extensions;
alter role supabase_admin set search_path = "$user", public, auth, extensions;
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
