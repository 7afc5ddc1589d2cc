package io.github.authschema.testkit.internal.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration into statements the way psql reads it: a semicolon inside quotes, dollar
 * quotes, quoted identifiers, comments or parentheses does not end a statement, and neither does
 * one inside the {@code BEGIN ATOMIC ... END} body of a SQL-standard function. Used to send a
 * migration's statements in one round trip and to record Supabase CLI history, which stores each
 * migration as its list of statements.
 */
public final class SqlStatements {
    /** One statement from its first token (comments before it left out) to before its semicolon, and that token's line. */
    public record Located(String sql, int line) {
    }

    private SqlStatements() {
    }

    /** The statements with the comments in front of each kept, as the Supabase CLI records them. */
    public static List<String> split(String sql) {
        return new Splitter(sql, true).run().stream().map(Located::sql).toList();
    }

    public static List<Located> locate(String sql) {
        return new Splitter(sql, false).run();
    }

    /** The whole migration with comments kept but whitespace runs collapsed: what drift checks compare. */
    public static String normalized(List<String> statements) {
        return String.join(";", statements).replaceAll("\\s+", " ").trim();
    }

    private static final class Splitter {
        private final String sql;
        private final int n;
        private final List<Located> out = new ArrayList<>();
        private int start;
        private int firstToken = -1;
        private int parens;
        /** Words at the start of the statement, to recognise CREATE [OR REPLACE] FUNCTION|PROCEDURE. */
        private final List<String> leadingWords = new ArrayList<>();
        private int beginDepth;
        private int counted;
        private int line = 1;

        private final boolean keepLeadingComments;

        Splitter(String sql, boolean keepLeadingComments) {
            this.sql = sql;
            this.n = sql.length();
            this.keepLeadingComments = keepLeadingComments;
        }

        List<Located> run() {
            int i = 0;
            while (i < n) {
                char c = sql.charAt(i);
                if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                    int end = sql.indexOf('\n', i);
                    i = end < 0 ? n : end + 1;
                    continue;
                }
                if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                    i = skipBlockComment(i);
                    continue;
                }
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                if (firstToken < 0) {
                    firstToken = i;
                }
                if (c == ';' && parens == 0 && beginDepth == 0) {
                    add(i);
                    i++;
                    start = i;
                } else if (c == '\'') {
                    i = skipQuoted(i, '\'', false);
                } else if (c == '"') {
                    i = skipQuoted(i, '"', false);
                } else if (c == '$' && dollarTag(i) != null) {
                    String tag = dollarTag(i);
                    int close = sql.indexOf(tag, i + tag.length());
                    i = close < 0 ? n : close + tag.length();
                } else if (Character.isLetter(c) || c == '_') {
                    int end = i + 1;
                    while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
                        end++;
                    }
                    String word = sql.substring(i, end);
                    if (end < n && sql.charAt(end) == '\'' && word.equalsIgnoreCase("e")) {
                        i = skipQuoted(end, '\'', true);
                    } else {
                        word(word.toLowerCase(Locale.ROOT));
                        i = end;
                    }
                } else {
                    if (c == '(') {
                        parens++;
                    } else if (c == ')' && parens > 0) {
                        parens--;
                    }
                    i++;
                }
            }
            add(n);
            return out;
        }

        /** Counts BEGIN, CASE and END in a function's body the way psql does, so its semicolons stay inside. */
        private void word(String word) {
            if (leadingWords.size() < 4) {
                leadingWords.add(word);
            }
            if (parens > 0 || !createsRoutine()) {
                return;
            }
            if (word.equals("begin")) {
                beginDepth++;
            } else if (word.equals("case") && beginDepth > 0) {
                beginDepth++;
            } else if (word.equals("end") && beginDepth > 0) {
                beginDepth--;
            }
        }

        private boolean createsRoutine() {
            List<String> w = leadingWords;
            if (w.size() < 2 || !w.get(0).equals("create")) {
                return false;
            }
            if (w.get(1).equals("function") || w.get(1).equals("procedure")) {
                return true;
            }
            return w.size() >= 4 && w.get(1).equals("or") && w.get(2).equals("replace")
                    && (w.get(3).equals("function") || w.get(3).equals("procedure"));
        }

        private void add(int end) {
            if (firstToken >= 0) {
                out.add(new Located(sql.substring(keepLeadingComments ? start : firstToken, end).strip(), lineAt(firstToken)));
            }
            firstToken = -1;
            parens = 0;
            beginDepth = 0;
            leadingWords.clear();
        }

        private int skipBlockComment(int i) {
            // PostgreSQL's block comments nest
            int depth = 0;
            int j = i;
            while (j < n) {
                if (sql.startsWith("/*", j)) {
                    depth++;
                    j += 2;
                } else if (sql.startsWith("*/", j)) {
                    depth--;
                    j += 2;
                    if (depth == 0) {
                        return j;
                    }
                } else {
                    j++;
                }
            }
            return n;
        }

        private int skipQuoted(int open, char quote, boolean backslashEscapes) {
            int j = open + 1;
            while (j < n) {
                char c = sql.charAt(j);
                if (backslashEscapes && c == '\\') {
                    j += 2;
                } else if (c == quote) {
                    if (j + 1 < n && sql.charAt(j + 1) == quote) {
                        j += 2;
                    } else {
                        return j + 1;
                    }
                } else {
                    j++;
                }
            }
            return n;
        }

        /** {@code $tag$} or {@code $$} starting at i, or null (a positional parameter such as $1 is not a tag). */
        private String dollarTag(int i) {
            int j = i + 1;
            while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                j++;
            }
            if (j < n && sql.charAt(j) == '$') {
                String tag = sql.substring(i, j + 1);
                return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag;
            }
            return null;
        }

        /** Statements come in order, so lines are counted on from the previous one. */
        private int lineAt(int index) {
            for (; counted < index; counted++) {
                if (sql.charAt(counted) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
