def log = new File(basedir, 'build.log').text
assert log.contains("Unknown engine 'docker'. Use one of: EMBEDDED (default, no Docker), TESTCONTAINERS, EXTERNAL.")
assert !log.contains('\tat io.github') : 'one message, no stack trace'
