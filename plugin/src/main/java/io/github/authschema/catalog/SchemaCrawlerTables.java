package io.github.authschema.catalog;

import schemacrawler.inclusionrule.RegularExpressionExclusionRule;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tables and columns through SchemaCrawler at its minimum info level plus columns: catalog-wide passes. The
 * richer levels ask JDBC metadata table by table, which grows faster than the schema, so keys,
 * indexes, policies and the like come from pg_catalog in {@link CatalogReader} instead.
 */
final class SchemaCrawlerTables {
    private static final String EXCLUDED_SCHEMAS = "pg_catalog|information_schema|pg_toast.*|pg_temp.*|authschema_platform|authschema_trace";

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
        schemacrawler.schema.Catalog crawled = SchemaCrawlerUtility.getCatalog(DatabaseConnectionSources.fromConnection(connection), options);
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
            CatalogReader.TableFlags f = flags.getOrDefault(key, new CatalogReader.TableFlags(false, false));
            tables.put(key, new Table(schema, t.getName(), columns, primaryKeys.getOrDefault(key, List.of()), f.rls(), f.apiSelectable()));
        }
        return tables;
    }
}
