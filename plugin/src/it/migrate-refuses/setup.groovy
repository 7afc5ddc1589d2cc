// A second PostgreSQL with the Supabase platform plays production for the build that follows.
import io.github.authschema.testkit.internal.platform.Platform
import io.github.authschema.testkit.internal.engine.EmbeddedServer

def server = EmbeddedServer.start(io.github.authschema.testkit.internal.Defaults.postgresMajor(), null)
Platform.createDatabase(server, 'prod')
// handed to verify.groovy, which closes it and removes the key: Maven reads system properties as strings
System.getProperties().put('authschema.it.production.' + basedir.name, server)
new File(basedir, 'production.properties').text = "authschema.url=" + server.jdbcUrl('prod') + "\nauthschema.user=supabase_admin\n"
return true
