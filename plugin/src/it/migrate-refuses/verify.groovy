def log = new File(basedir, 'build.log').text
def server = System.getProperties().remove('authschema.it.production.' + basedir.name)
try {
    assert log.contains('Verification failed at failOn; nothing was applied to the target.')
    assert log.contains('[auth-fk-missing-cascade]')
    def c = io.github.authschema.testkit.internal.engine.Jdbc.admin(server, 'prod')
    def rs = c.createStatement().executeQuery("select to_regclass('public.orders') is null and to_regclass('supabase_migrations.schema_migrations') is null")
    assert rs.next() && rs.getBoolean(1) : 'the target is untouched'
    c.close()
} finally {
    server.close()
}
return true
