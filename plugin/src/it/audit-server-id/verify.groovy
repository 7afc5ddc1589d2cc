def log = new File(basedir, 'build.log').text
def pg = System.getProperties().remove('authschema.it.production.' + basedir.name)
try {
    assert log.contains('authschema: no findings (5 checks') : 'the audit logged in with the serverId credentials'
    assert !log.contains('settings-only-s3cret') : 'the password never reaches the log'
} finally {
    pg?.close()
}
return true
