def log = new File(basedir, 'build.log').text
def count = { String s -> log.split(java.util.regex.Pattern.quote(s), -1).length - 1 }
// 1: a full run that stores its result and snapshot; 2: nothing changed, reused without PostgreSQL;
// 3: cache=false, a full run storing nothing; 4: clean-cache; 5: a full run again
assert count('Stored the migrated database in the cache') == 2 : 'runs 1 and 5 store a snapshot'
assert count('Nothing changed since the verification of') == 1 : 'run 2 reuses the result'
assert count('Started embedded PostgreSQL') == 3 : 'runs 1, 3 and 5 start a server; the reused run does not'
assert log.contains('Emptied the authschema cache')
assert count('authschema: no findings') == 4 : 'the reused result reports as the full run did'
assert count('BUILD SUCCESS') == 5
assert new File(basedir, 'cache-directory').isDirectory()
return true
