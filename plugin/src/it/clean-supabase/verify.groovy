def log = new File(basedir, 'build.log').text
assert log.contains('supabase/migrations/20240101000000_profiles.sql') : 'one line per migration'
assert log.contains('authschema: no findings in 2 migrations')
assert log.contains('BUILD SUCCESS')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/authschema/report.json'))
assert report.tool.name == 'authschema'
assert report.migrations*.status == ['applied', 'applied']
assert report.findings == []
