def log = new File(basedir, 'build.log').text
assert log.contains('authschema:verify is skipped (authschema.skip=true)')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/authschema/report.json').exists()
