package io.github.authschema.testkit.internal.migrate;

import io.github.authschema.testkit.SupabaseKitException;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the migration files in Flyway-style locations, works out their layout and order, and
 * rejects what Flyway or the Supabase CLI would get wrong silently: duplicate versions, files that
 * are not text, names the CLI skips.
 */
public final class MigrationScanner {
    private final Path baseDir;

    public MigrationScanner(Path baseDir) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
    }

    /** The locations that exist by convention under the base directory, Flyway's first. */
    public List<String> detectDefaultLocations() {
        List<String> found = new ArrayList<>();
        for (String candidate : List.of("src/main/resources/db/migration", "supabase/migrations")) {
            if (Files.isDirectory(baseDir.resolve(candidate))) {
                found.add("filesystem:" + candidate);
            }
        }
        return found;
    }

    public MigrationSet scan(List<String> locations) {
        List<MigrationFile> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String location : locations) {
            Path dir = resolve(location);
            scanDirectory(dir, files, warnings);
        }
        rejectDuplicateVersions(files);
        files.sort(Comparator.comparing(MigrationScanner::orderKey));
        return new MigrationSet(files, warnings);
    }

    Path resolve(String location) {
        String loc = location.trim();
        Path dir;
        if (loc.startsWith("classpath:")) {
            String name = loc.substring("classpath:".length()).replaceAll("^/+", "");
            URL url = Thread.currentThread().getContextClassLoader().getResource(name);
            if (url == null || !"file".equals(url.getProtocol())) {
                throw new SupabaseKitException("Migration location " + location + " is not a directory on the class path. "
                        + "Use filesystem:<path> or a directory such as classpath:db/migration.");
            }
            try {
                dir = Paths.get(url.toURI());
            } catch (URISyntaxException e) {
                throw new SupabaseKitException("Migration location " + location + " cannot be read: " + e.getMessage(), e);
            }
        } else {
            String path = loc.startsWith("filesystem:") ? loc.substring("filesystem:".length()) : loc;
            dir = baseDir.resolve(path).normalize();
        }
        if (!Files.isDirectory(dir)) {
            throw new SupabaseKitException("Migration location " + location + " does not exist (looked for " + dir + "). "
                    + "Fix the migrations setting, or create the directory.");
        }
        return dir;
    }

    private void scanDirectory(Path dir, List<MigrationFile> files, List<String> warnings) {
        List<Path> sqlFiles;
        try (Stream<Path> s = Files.list(dir)) {
            sqlFiles = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".sql"))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new SupabaseKitException("Cannot list migration directory " + dir + ": " + e.getMessage(), e);
        }
        MigrationLayout layout = detectLayout(dir, sqlFiles);
        List<String> skipped = new ArrayList<>();
        List<String> lovable = new ArrayList<>();
        for (Path p : sqlFiles) {
            String name = p.getFileName().toString();
            String display = display(p);
            String[] parsed = layout.parse(name);
            if (parsed == null && layout == MigrationLayout.SUPABASE && (parsed = MigrationLayout.parseLovable(name)) != null) {
                lovable.add(display);
            }
            if (parsed == null) {
                skipped.add(display);
                continue;
            }
            String sql = readText(p, display);
            if (sql.isBlank()) {
                warnings.add(display + " is empty; it is recorded as applied but changes nothing.");
            }
            files.add(new MigrationFile(p, display, parsed[0], parsed[1], layout, sql));
        }
        if (!sqlFiles.isEmpty() && skipped.size() == sqlFiles.size()) {
            // never a silent pass: a folder of migrations none of which would run is a mistake to name
            throw new SupabaseKitException("None of the " + sqlFiles.size() + " .sql files in " + display(dir) + " is named as a "
                    + "migration (" + layout.namingRule() + "), so nothing would be applied: " + String.join(", ", first(skipped))
                    + ". Rename them, or point the migrations setting at the right folder.");
        }
        for (String display : skipped) {
            warnings.add(display + " is skipped: its name does not match " + layout.namingRule()
                    + (layout == MigrationLayout.SUPABASE ? ", so the Supabase CLI would not apply it either" : "")
                    + ". Rename it to apply it.");
        }
        if (!lovable.isEmpty()) {
            warnings.add(lovable.size() + " migration(s) in " + display(dir) + " are named <digits>-<name>.sql (as Lovable writes them), "
                    + "for example " + lovable.get(0) + ": they are applied here in name order, but supabase db push skips such names. "
                    + "Rename them to <digits>_<name>.sql so the CLI applies them too.");
        }
    }

    private static List<String> first(List<String> names) {
        return names.size() <= 5 ? names : names.subList(0, 5);
    }

    /**
     * A folder named supabase/migrations is the CLI's, whatever its files are called; elsewhere
     * Supabase-style names start with digits and Flyway's with V. A directory holds one layout.
     */
    private static MigrationLayout detectLayout(Path dir, List<Path> files) {
        if (dir.endsWith(Paths.get("supabase", "migrations"))) {
            return MigrationLayout.SUPABASE;
        }
        long flyway = files.stream().filter(p -> MigrationLayout.FLYWAY.parse(p.getFileName().toString()) != null).count();
        long supabase = files.stream().filter(p -> MigrationLayout.SUPABASE.parse(p.getFileName().toString()) != null
                || MigrationLayout.parseLovable(p.getFileName().toString()) != null).count();
        return supabase > flyway ? MigrationLayout.SUPABASE : MigrationLayout.FLYWAY;
    }

    private String readText(Path p, String display) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new SupabaseKitException("Cannot read " + display + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new SupabaseKitException(display + " is not a text file (it contains a NUL byte at offset " + i
                        + "). Migrations must be UTF-8 SQL; remove the file or replace it with its SQL text.");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new SupabaseKitException(display + " is not valid UTF-8 (" + e.getMessage()
                    + "). Save it as UTF-8; PostgreSQL migrations are read as UTF-8.", e);
        }
    }

    private static void rejectDuplicateVersions(List<MigrationFile> files) {
        Map<String, MigrationFile> seen = new HashMap<>();
        for (MigrationFile f : files) {
            MigrationFile other = seen.putIfAbsent(normalizedVersion(f), f);
            if (other != null) {
                throw new SupabaseKitException("Two migrations have version " + f.version() + ": " + other.displayPath()
                        + " and " + f.displayPath() + ". Give one of them a new, later version.");
            }
        }
    }

    private static String normalizedVersion(MigrationFile f) {
        if (f.layout() == MigrationLayout.SUPABASE) {
            return f.version();
        }
        // Flyway treats 1.0, 1_0 and 1 as the same version
        String v = f.version().replace('_', '.').replaceAll("(\\.0+)+$", "");
        return Stream.of(v.split("\\.")).map(part -> part.replaceFirst("^0+(?=.)", "")).collect(Collectors.joining("."));
    }

    private static String orderKey(MigrationFile f) {
        if (f.layout() == MigrationLayout.SUPABASE) {
            return f.path().getFileName().toString();
        }
        StringBuilder key = new StringBuilder();
        for (String part : normalizedVersion(f).split("\\.")) {
            key.append(String.format("%020d", new BigInteger(part))).append('.');
        }
        return key.toString();
    }

    private String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path shown = abs.startsWith(baseDir) ? baseDir.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}
