package io.github.authschema.verify;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** What an embedded server could leave behind: its processes and its data directories. */
final class Leftovers {
    private Leftovers() {
    }

    static long postgresProcesses() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.contains("embedded-pg") && c.endsWith("postgres")).orElse(false))
                .count();
    }

    /** Data directories in /dev/shm and the temp directory, ours and zonky's default names. */
    static List<String> dataDirectories() {
        List<String> found = new ArrayList<>();
        for (String root : List.of("/dev/shm", System.getProperty("java.io.tmpdir"))) {
            String[] names = new File(root).list((d, n) -> n.startsWith("authschema-pg") || n.startsWith("epg"));
            if (names != null) {
                for (String n : names) {
                    found.add(root + "/" + n);
                }
            }
        }
        found.sort(null);
        return found;
    }
}
