// every table of the target (public and the migration history) with its columns and an md5 of its rows
return { server, db ->
    def c = io.github.authschema.testkit.internal.engine.Jdbc.admin(server, db)
    try {
        def s = c.createStatement()
        def tables = []
        def rs = s.executeQuery("select format('%I.%I', schemaname, tablename) from pg_tables where schemaname in ('public', 'supabase_migrations') order by 1")
        while (rs.next()) { tables << rs.getString(1) }
        tables.collect { t ->
            def r = s.executeQuery("select (select string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' order by attnum) " +
                    "from pg_attribute where attrelid = '${t}'::regclass and attnum > 0 and not attisdropped), " +
                    "(select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from ${t} x)")
            r.next()
            "${t} (${r.getString(1)}) ${r.getString(2)}"
        }.join('\n')
    } finally {
        c.close()
    }
}
