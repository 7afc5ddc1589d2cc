def log = new File(basedir, 'build.log').text
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
assert (log =~ /authschema: no findings in 2 migrations/).count == 2 : 'both modules verified'
assert log.contains('BUILD SUCCESS') : 'no port clash, no shared template race'
