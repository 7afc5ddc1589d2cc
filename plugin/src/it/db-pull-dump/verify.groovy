def log = new File(basedir, 'build.log').text
assert log.contains('20240101000000_remote_schema.sql') && !log.contains('FAILED')
assert log.contains('pg_net: a stand-in; requests are recorded in net.http_request_queue, never sent')
assert log.contains('pg_cron: a stand-in; jobs are recorded in cron.job, never run')
assert log.contains('Simulated') && log.contains('all succeeded') : 'the sign-up trigger that calls net.http_post works'
assert log.contains('BUILD SUCCESS')
return true
