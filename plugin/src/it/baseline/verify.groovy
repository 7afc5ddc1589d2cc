def log = new File(basedir, 'build.log').text
def wrote = (log =~ /Wrote (\d+) finding\(s\) to/)
assert wrote.find() : 'the baseline goal says how many findings it accepted'
def n = wrote.group(1)
def baseline = new File(basedir, 'authschema-baseline.json')
assert baseline.isFile()
assert baseline.text.contains('"rule" : "auth-fk-missing-cascade"')
assert log.contains("accepts ${n} of ${n} findings")
assert log.contains('BUILD SUCCESS') : 'accepted findings no longer fail the build'
