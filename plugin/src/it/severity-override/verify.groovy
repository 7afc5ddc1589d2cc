def log = new File(basedir, 'build.log').text
assert log.contains('[auth-fk-missing-cascade]')
assert log.contains('WARN (1)')
assert log.contains('BUILD SUCCESS') : 'a WARN finding does not fail at failOn=ERROR'
