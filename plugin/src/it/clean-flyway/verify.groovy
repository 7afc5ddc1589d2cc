def log = new File(basedir, 'build.log').text
assert log.contains('src/main/resources/db/migration/V2__notes.sql')
assert log.contains('authschema: no findings in 2 migrations')
assert log.contains('BUILD SUCCESS')
