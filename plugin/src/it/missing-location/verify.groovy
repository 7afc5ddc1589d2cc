def log = new File(basedir, 'build.log').text
assert log.contains("Migration location filesystem:db/nowhere does not exist")
assert !log.contains('\tat io.github') : 'one message, no stack trace'
