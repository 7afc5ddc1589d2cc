// Production stand-in that demands a password (scram-sha-256) from every role but the bootstrap
// superuser, so the audit can connect only with the credentials of serverId in settings.xml.
import io.github.authschema.testkit.internal.platform.Platform
import io.github.authschema.testkit.internal.engine.ExternalServer
import io.github.authschema.testkit.internal.engine.Jdbc
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import java.nio.file.Files

def pg = EmbeddedPostgres.builder().setDataDirectoryCustomizer({ dir ->
    Files.writeString(dir.toPath().resolve('pg_hba.conf'),
            'host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n'
            + 'host all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n')
}).start()
// handed to verify.groovy, which closes it and removes the key
System.getProperties().put('authschema.it.production.' + basedir.name, pg)
def admin = ExternalServer.connect('jdbc:postgresql://localhost:' + pg.port + '/postgres', 'postgres', null)
Platform.createDatabase(admin, 'prod')
def c = Jdbc.admin(admin, 'prod')
c.createStatement().execute("create role release_bot login superuser password 'settings-only-s3cret'")
c.close()
// the credentials come from the <server> of this id in the ITs' settings.xml
new File(basedir, 'production.properties').text = 'authschema.url=' + admin.jdbcUrl('prod') + '\nauthschema.serverId=authschema-it-production\n'
return true
