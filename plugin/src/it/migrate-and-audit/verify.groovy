def log = new File(basedir, 'build.log').text
def server = System.getProperties().remove('authschema.it.production.' + basedir.name)
try {
    assert log.contains('Applied 2 migration(s) to the target.') : 'the first release applies the migration'
    assert log.contains('Applied 0 migration(s) to the target.') : 'the second is idempotent'
    assert log.contains('authschema: no findings (5 checks') : 'the audit reads the released database'
    def c = io.github.authschema.testkit.internal.engine.Jdbc.admin(server, 'prod')
    def rs = c.createStatement().executeQuery('select version, name from supabase_migrations.schema_migrations order by version')
    assert rs.next() && rs.getString(1) == '20240101000000' && rs.getString(2) == 'profiles'
    c.close()
} finally {
    server.close()
}
return true
