def log = new File(basedir, 'build.log').text
assert log.contains('[auth-schema-modified]') : 'the rule id is named'
assert log.contains('rules/auth-schema-modified/violating/') : 'the migration file is named'
assert log.contains('BUILD FAILURE') : 'a violation is a build failure, not an error'
assert !log.contains('\tat io.github') : 'no stack trace at the default log level'
def report = new File(basedir, 'target/authschema/report.json')
assert report.isFile()
assert report.text.contains('"rule" : "auth-schema-modified"')
