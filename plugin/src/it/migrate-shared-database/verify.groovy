def checksums = evaluate(new File(basedir, 'checksums.groovy'))

def log = new File(basedir, 'build.log').text
def server = System.getProperties().remove('authschema.it.production.' + basedir.name)
try {
    // 1: the shared database is refused before the first write, naming the statement that meets public.users
    assert log.contains('The target is not what its 0 applied migration(s) build, where the pending migrations meet it:')
    assert log.contains('supabase/migrations/20260101000000_users.sql:2 CREATE TABLE IF NOT EXISTS public.users would be skipped: '
            + 'Missing on the target: email, is_anonymous. Other types: id (uuid in the statement, bigint on the target). '
            + 'Only on the target: full_name, legacy_login.')
    assert log.contains('supabase/migrations/20260101000000_users.sql:2 meets public.users, which differs on the target:')
    assert log.contains('only on the target: column public.users.legacy_login text')
    assert log.contains('drift no pending migration meets, only on the target: table public.invoices') : "another project's table is reported, not refused"
    assert log.contains('Nothing was applied: the target differs from what its applied migrations build')
    assert !log.contains('Applying 2 pending migration(s) to localhost') || log.indexOf('Applying 2 pending') > log.indexOf('Nothing was applied')
    assert checksums(server, 'shared') == new File(basedir, 'checksums-before.txt').text : 'tables, rows and history byte for byte unchanged'
    // 2: the same folder against an empty target applies
    assert log.contains('Applied 2 migration(s) to the target.')
    def c = io.github.authschema.testkit.internal.engine.Jdbc.admin(server, 'empty')
    def rs = c.createStatement().executeQuery("select count(*) from supabase_migrations.schema_migrations")
    assert rs.next() && rs.getInt(1) == 2
    c.close()
} finally {
    server.close()
}
return true
