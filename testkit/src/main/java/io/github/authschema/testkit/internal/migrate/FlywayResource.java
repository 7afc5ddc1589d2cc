package io.github.authschema.testkit.internal.migrate;

import org.flywaydb.core.api.resource.LoadableResource;

import java.io.Reader;
import java.io.StringReader;

/** A scanned migration under the Flyway-style name Flyway sees it by. */
final class FlywayResource extends LoadableResource {
    private final String name;
    private final MigrationFile file;

    FlywayResource(String name, MigrationFile file) {
        this.name = name;
        this.file = file;
    }

    @Override
    public Reader read() {
        return new StringReader(file.sql());
    }

    @Override
    public String getAbsolutePath() {
        return file.displayPath();
    }

    @Override
    public String getAbsolutePathOnDisk() {
        return file.path().toString();
    }

    @Override
    public String getFilename() {
        return name;
    }

    @Override
    public String getRelativePath() {
        return name;
    }
}
