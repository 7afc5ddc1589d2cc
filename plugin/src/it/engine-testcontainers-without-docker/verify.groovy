// No Docker engine here: the plugin must say so because Testcontainers looked and found none,
// not because Testcontainers is missing from the plugin's class path.
def log = new File(basedir, 'build.log').text
assert log.contains('Engine TESTCONTAINERS needs a Docker engine, and none is reachable on this machine.')
assert log.contains('Testcontainers says: ') : 'Testcontainers itself ran its Docker discovery'
assert !log.contains('NoClassDefFoundError') && !log.contains('on the class path')
assert !log.contains('\tat io.github') : 'one message, no stack trace'
return true
