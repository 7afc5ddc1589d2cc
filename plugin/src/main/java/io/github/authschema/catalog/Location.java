package io.github.authschema.catalog;

import java.io.Serializable;

/** A place in a migration file; line 0 means the file is known but not the line. */
public record Location(String file, int line) implements Serializable {
    public static final Location UNKNOWN = new Location(null, 0);

    public boolean known() {
        return file != null;
    }

    @Override
    public String toString() {
        return file == null ? "(platform)" : line > 0 ? file + ":" + line : file;
    }
}
