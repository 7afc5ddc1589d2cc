// files that no tool would apply: verify must not report success with nothing applied
def log = new File(basedir, 'build.log').text
assert log.contains('None of the 2 .sql files in db/sql is named as a migration')
assert !log.contains('BUILD SUCCESS')
assert !log.contains('\tat io.github') : 'one message, no stack trace'
return true
