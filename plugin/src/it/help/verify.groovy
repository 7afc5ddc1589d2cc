def log = new File(basedir, 'build.log').text
assert log.contains('authschema:verify')
assert log.contains('authschema:baseline')
assert log.contains('failOn')
assert log.contains('BUILD SUCCESS')
