// One server plays two targets: a Supabase instance shared with another project, whose public.users
// already exists with 153 rows and other columns, and an empty project.
import io.github.authschema.testkit.internal.engine.EmbeddedServer
import io.github.authschema.testkit.internal.engine.Jdbc
import io.github.authschema.testkit.internal.platform.Platform

def checksums = evaluate(new File(basedir, 'checksums.groovy'))

def server = EmbeddedServer.start(io.github.authschema.testkit.internal.Defaults.postgresMajor(), null)
Platform.createDatabase(server, 'shared')
Platform.createDatabase(server, 'empty')
def c = Jdbc.as(server, 'shared', 'postgres')
c.createStatement().execute('''
create table public.users (id bigint generated always as identity primary key, full_name text not null, legacy_login text);
insert into public.users (full_name, legacy_login) select 'user ' || g, 'login' || g from generate_series(1, 153) g;
create table public.invoices (id bigint primary key, user_id bigint references public.users (id), amount numeric);
insert into public.invoices select g, g, g * 10 from generate_series(1, 20) g;
''')
c.close()
new File(basedir, 'checksums-before.txt').text = checksums(server, 'shared')
System.getProperties().put('authschema.it.production.' + basedir.name, server)
new File(basedir, 'shared.properties').text = "authschema.url=" + server.jdbcUrl('shared') + "\nauthschema.user=supabase_admin\n"
new File(basedir, 'empty.properties').text = "authschema.url=" + server.jdbcUrl('empty') + "\nauthschema.user=supabase_admin\n"
return true
