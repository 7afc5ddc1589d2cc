def log = new File(basedir, 'build.log').text
def pg = System.getProperties().remove('authschema.it.production.' + basedir.name)
try {
    assert log.contains('authschema: no findings (5 checks') : 'the audit logged in with the serverId credentials'
    assert !log.contains('settings-only-s3cret') : 'the password never reaches the log'
    assert log.contains("serverId 'nowhere' is not in settings.xml. Add a <server> with that id, or set user and password.")
} finally {
    pg?.close()
}
return true
