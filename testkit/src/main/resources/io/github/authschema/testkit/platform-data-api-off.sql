-- Supabase since 2026, and the CLI with [api] auto_expose_new_tables = false: what postgres creates in
-- public is no longer granted to the API roles, so a table needs its own GRANT before the Data API
-- reaches it. The same three revokes the CLI and Studio run (supabase/cli ApplyApiPrivileges); like
-- theirs they leave TRUNCATE, REFERENCES, TRIGGER, sequence UPDATE, PUBLIC's EXECUTE, and the
-- defaults of supabase_admin's objects in place.
alter default privileges for role postgres in schema public
  revoke select, insert, update, delete on tables from anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  revoke usage, select on sequences from anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  revoke execute on functions from anon, authenticated, service_role;
