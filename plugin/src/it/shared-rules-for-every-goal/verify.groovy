def log = new File(basedir, 'build.log').text
def server = System.getProperties().remove('authschema.it.production.' + basedir.name)
try {
    assert !log.contains('Unknown rule id') : 'neither goal rejects the other goal\'s ids'
    assert log.contains('[auth-fk-missing-cascade]') : 'verify applies its own setting: reported, at WARN'
    assert log =~ /\[WARNING\] .*20240101000000_orders\.sql:3  \[auth-fk-missing-cascade\]/
    assert log.contains('Auditing ') : 'the audit ran'
    assert log.count('BUILD SUCCESS') == 2
} finally {
    server.close()
}
return true
