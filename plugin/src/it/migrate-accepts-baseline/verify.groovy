def log = new File(basedir, 'build.log').text
def server = System.getProperties().remove('authschema.it.production.' + basedir.name)
try {
    assert new File(basedir, 'authschema-baseline.json').text.contains('auth-fk-missing-cascade')
    assert log =~ /Baseline .* accepts 3 of 3 findings/ : 'migrate applies the baseline that the baseline goal wrote'
    assert log.contains('Applied 1 migration(s) to the target.')
    assert !log.contains('Verification failed at failOn')
    def c = io.github.authschema.testkit.internal.engine.Jdbc.admin(server, 'prod')
    def rs = c.createStatement().executeQuery("select to_regclass('public.orders') is not null")
    assert rs.next() && rs.getBoolean(1) : 'the release reached the target'
    c.close()
} finally {
    server.close()
}
return true
