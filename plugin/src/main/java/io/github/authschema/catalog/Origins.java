package io.github.authschema.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which migration created or last changed each object, and on which line. Statements are found in
 * their file in execution order, so a statement repeated in one file maps to the right occurrence.
 */
public final class Origins {
    private final List<TraceEvent> events;
    /** Each object's events, in order: rules ask about thousands of objects. */
    private final Map<String, List<TraceEvent>> byObject = new HashMap<>();
    private final Map<Long, Location> statementStarts = new HashMap<>();

    /** {@code sources}: migration display path to its SQL text. */
    public Origins(List<TraceEvent> events, Map<String, String> sources) {
        this.events = List.copyOf(events);
        for (TraceEvent e : this.events) {
            if (e.objectIdentity() != null) {
                byObject.computeIfAbsent(e.objectIdentity(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, Integer> cursor = new HashMap<>();
        Map<String, int[]> lines = new HashMap<>();
        String lastStatement = null;
        Location lastLocation = null;
        for (TraceEvent e : this.events) {
            if (e.statement() != null && e.statement().equals(lastStatement) && lastLocation != null) {
                statementStarts.put(e.seq(), lastLocation);
                continue;
            }
            String sql = sources.get(e.migration());
            int from = cursor.getOrDefault(e.migration(), 0);
            int at = sql == null || e.statement() == null ? -1 : indexOfStatement(sql, e.statement(), from);
            Location loc = at < 0 ? new Location(e.migration(), 0)
                    : new Location(e.migration(), lineAt(sql, at, lines.computeIfAbsent(e.migration(), k -> new int[2])));
            if (at >= 0) {
                cursor.put(e.migration(), at + 1);
            }
            statementStarts.put(e.seq(), loc);
            lastStatement = e.statement();
            lastLocation = loc;
        }
    }

    public static Origins none() {
        return new Origins(List.of(), Map.of());
    }

    public List<TraceEvent> events() {
        return events;
    }

    /** Where the object was created, or UNKNOWN for platform objects. */
    public Location created(String objectIdentity) {
        return byObject.getOrDefault(objectIdentity, List.of()).stream().filter(e -> !e.dropped())
                .findFirst().map(this::location).orElse(Location.UNKNOWN);
    }

    /** Whether any migration created, changed or dropped the object. */
    public boolean touched(String objectIdentity) {
        return byObject.containsKey(objectIdentity);
    }

    /**
     * The latest statement on {@code objectIdentity} whose text matches {@code statementPattern}, with
     * the line of the first match inside the statement; falls back to where the object was created.
     */
    public Location find(String objectIdentity, Pattern statementPattern) {
        List<TraceEvent> onObject = byObject.getOrDefault(objectIdentity, List.of());
        for (int i = onObject.size() - 1; i >= 0; i--) {
            TraceEvent e = onObject.get(i);
            if (e.statement() != null) {
                Matcher m = statementPattern.matcher(e.statement());
                if (m.find()) {
                    return refine(e, m.start());
                }
            }
        }
        return created(objectIdentity);
    }

    public List<TraceEvent> matching(Predicate<TraceEvent> filter) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (filter.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    public Location location(TraceEvent e) {
        return statementStarts.getOrDefault(e.seq(), new Location(e.migration(), 0));
    }

    /** The line of a character offset inside the event's statement. */
    public Location refine(TraceEvent e, int offsetInStatement) {
        Location start = location(e);
        if (start.line() == 0) {
            return start;
        }
        String statement = e.statement();
        int newlines = 0;
        for (int i = 0; i < Math.min(offsetInStatement, statement.length()); i++) {
            if (statement.charAt(i) == '\n') {
                newlines++;
            }
        }
        return new Location(start.file(), start.line() + newlines);
    }

    /** Where the statement starts in the file: past the comments Flyway may keep in front of it. */
    static int indexOfStatement(String sql, String statement, int from) {
        String trimmed = statement.strip();
        int at = sql.indexOf(trimmed, from);
        if (at < 0) {
            at = sql.indexOf(trimmed);
        }
        if (at < 0) {
            String firstLine = trimmed.lines().findFirst().orElse("").strip();
            at = firstLine.isEmpty() ? -1 : sql.indexOf(firstLine, from);
        }
        if (at < 0) {
            return -1;
        }
        return skipLeadingComments(sql, at);
    }

    private static int skipLeadingComments(String sql, int at) {
        int i = at;
        while (i < sql.length()) {
            while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
                i++;
            }
            if (sql.startsWith("--", i)) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? sql.length() : nl + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                return i;
            }
        }
        return at;
    }

    /**
     * The line of {@code index}, counting on from {@code memo} (an offset and the line it is on, updated)
     * when the index is past it: statements are mostly found in file order, so a file is read once.
     */
    private static int lineAt(String sql, int index, int[] memo) {
        int from = memo[0] <= index ? memo[0] : 0;
        int line = memo[0] <= index ? Math.max(memo[1], 1) : 1;
        for (int i = from; i < index && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        memo[0] = index;
        memo[1] = line;
        return line;
    }
}
