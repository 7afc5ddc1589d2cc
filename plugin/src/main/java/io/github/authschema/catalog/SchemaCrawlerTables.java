package io.github.authschema.catalog;

import schemacrawler.inclusionrule.RegularExpressionExclusionRule;
import schemacrawler.schemacrawler.InformationSchemaKey;
import schemacrawler.schemacrawler.InformationSchemaViewsBuilder;
import schemacrawler.schemacrawler.MetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaInfoMetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaRetrievalOptions;
import schemacrawler.schemacrawler.SchemaRetrievalOptionsBuilder;
import schemacrawler.tools.options.Config;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tables and columns through SchemaCrawler, with its data-dictionary retrieval: one SQL query for
 * all tables and one for all columns. Its JDBC-metadata retrieval asks table by table, which grows
 * faster than the schema; keys, indexes, policies and the like come from pg_catalog in
 * {@link CatalogReader}.
 */
final class SchemaCrawlerTables {
    private static final String EXCLUDED_SCHEMAS = "pg_catalog|information_schema|pg_toast.*|pg_temp.*|authschema_platform|authschema_trace";
    private static final String PROJECT_SCHEMAS = "n.nspname !~ '^(" + EXCLUDED_SCHEMAS + ")$'";

    /** Tables in the shape of JDBC's getTables, for all schemas in one query. */
    private static final String TABLES_SQL = "select current_database() as table_cat, n.nspname as table_schem, c.relname as table_name, "
            + "case c.relkind when 'p' then 'PARTITIONED TABLE' else 'TABLE' end as table_type "
            + "from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p') "
            + "and " + PROJECT_SCHEMAS;

    /**
     * Columns in the shape of JDBC's getColumns, for all tables in one query: per-table metadata calls
     * grow too fast. Only the fields the rules read: SchemaCrawler looks each value up by name in a
     * list it sorts on every lookup, so each extra field costs per column of the schema.
     */
    private static final String COLUMNS_SQL = "select current_database() as table_cat, n.nspname as table_schem, c.relname as table_name, "
            + "a.attname as column_name, "
            + "case t.typname when 'int2' then 5 when 'int4' then 4 when 'int8' then -5 when 'text' then 12 when 'varchar' then 12 "
            + "when 'bool' then -7 when 'numeric' then 2 when 'timestamptz' then 93 when 'timestamp' then 93 when 'date' then 91 "
            + "else 1111 end as data_type, "
            + "t.typname as type_name, case when a.attnotnull then 0 else 1 end as nullable, "
            + "pg_get_expr(d.adbin, d.adrelid) as column_def, a.attnum as ordinal_position, "
            + "case when a.attidentity <> '' then 'YES' else 'NO' end as is_autoincrement, "
            + "case when a.attgenerated <> '' then 'YES' else 'NO' end as is_generatedcolumn "
            + "from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace "
            + "join pg_type t on t.oid = a.atttypid left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum "
            + "where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p') "
            + "and " + PROJECT_SCHEMAS;

    static {
        // SchemaCrawler narrates its crawl on java.util.logging; the build log is ours.
        Logger.getLogger("schemacrawler").setLevel(Level.WARNING);
        Logger.getLogger("us.fatehi").setLevel(Level.WARNING);
    }

    private SchemaCrawlerTables() {
    }

    static Map<String, Table> read(Connection connection, Map<String, CatalogReader.TableFlags> flags, Map<String, List<String>> primaryKeys) {
        SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
                .withLimitOptions(LimitOptionsBuilder.builder()
                        .includeSchemas(new RegularExpressionExclusionRule(EXCLUDED_SCHEMAS))
                        .tableTypes("TABLE", "PARTITIONED TABLE")
                        .toOptions())
                .withLoadOptions(LoadOptionsBuilder.builder().withSchemaInfoLevel(SchemaInfoLevelBuilder.builder()
                        .fromOptions(SchemaInfoLevelBuilder.minimum())
                        .setRetrieveTableColumns(true)
                        .toOptions()).toOptions());
        DatabaseConnectionSource source = DatabaseConnectionSources.fromConnection(connection);
        SchemaRetrievalOptions matched = SchemaCrawlerUtility.matchSchemaRetrievalOptions(source);
        SchemaRetrievalOptions retrieval = SchemaRetrievalOptionsBuilder.builder(matched)
                .withInformationSchemaViews(InformationSchemaViewsBuilder.builder(matched.getInformationSchemaViews())
                        .withSql(InformationSchemaKey.TABLES, TABLES_SQL)
                        .withSql(InformationSchemaKey.TABLE_COLUMNS, COLUMNS_SQL)
                        .toOptions())
                .with(SchemaInfoMetadataRetrievalStrategy.tablesRetrievalStrategy, MetadataRetrievalStrategy.data_dictionary_all)
                .with(SchemaInfoMetadataRetrievalStrategy.tableColumnsRetrievalStrategy, MetadataRetrievalStrategy.data_dictionary_all)
                .toOptions();
        schemacrawler.schema.Catalog crawled = SchemaCrawlerUtility.getCatalog(source, retrieval, options, new Config());
        Map<String, Table> tables = new LinkedHashMap<>();
        for (schemacrawler.schema.Table t : crawled.getTables()) {
            String schema = t.getSchema().getCatalogName() != null && t.getSchema().getName() == null
                    ? t.getSchema().getCatalogName() : t.getSchema().getName();
            String key = schema + "." + t.getName();
            List<Column> columns = new ArrayList<>();
            for (schemacrawler.schema.Column c : t.getColumns()) {
                columns.add(new Column(c.getName(), c.getColumnDataType().getName(), !c.isNullable(), c.getDefaultValue(),
                        c.isAutoIncremented(), c.isGenerated()));
            }
            CatalogReader.TableFlags f = flags.getOrDefault(key, new CatalogReader.TableFlags(false, Set.of(), false));
            tables.put(key, new Table(schema, t.getName(), columns, primaryKeys.getOrDefault(key, List.of()), f.rls(), f.apiPrivileges(), f.partitioned()));
        }
        return tables;
    }
}
