def log = new File(basedir, 'build.log').text
assert log.contains("Invalid failOn 'FATAL'. Use one of: ERROR, WARN, INFO, NONE.")
assert !log.contains('\tat io.github') : 'one message, no stack trace'
