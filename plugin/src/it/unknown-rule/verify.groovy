def log = new File(basedir, 'build.log').text
assert log.contains('Unknown rule id auth-fk-missing-cascades in <rules>')
assert log.contains('auth-fk-missing-cascade,') : 'the known ids are listed'
assert !log.contains('\tat io.github') : 'no stack trace'
