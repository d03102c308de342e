package dev.storyc.phi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the names a piece of LookML SQL reads: {@code ${TABLE}.column}, {@code ${field}} and
 * {@code ${view.field}} substitutions, qualified names such as {@code patients.mrn} or
 * {@code "p"."mrn"}, and bare identifiers. String literals, comments and Liquid tags are skipped,
 * because what they hold is not read from a table.
 *
 * <p>Hand-written rather than a SQL parser's work: LookML SQL is a fragment with {@code ${...}}
 * substitutions and Liquid in it, which no SQL grammar accepts, and the proof needs only names
 * and their offsets, not a tree.
 */
final class SqlReads {
    /** What a read is. */
    enum Kind {
        /** {@code ${TABLE}.column}: a column of the view's own table. */
        TABLE_COLUMN,
        /** {@code ${field}} or {@code ${view.field}}: another field's SQL, substituted. */
        FIELD,
        /** {@code alias.column} or {@code schema.table.column}, outside any substitution. */
        QUALIFIED,
        /** A name on its own, which SQL resolves against every table in scope. */
        BARE
    }

    /**
     * One read.
     *
     * @param qualifier the field's view for {@link Kind#FIELD} (empty for the view's own), or the
     *     name before the column for {@link Kind#QUALIFIED}; folded
     * @param name the column or field, folded
     * @param start the offset where the read starts in the text scanned
     * @param end the offset just past it
     */
    record Read(Kind kind, String qualifier, String name, int start, int end) {}

    private final String text;
    private final List<Read> reads = new ArrayList<>();
    private int i;

    private SqlReads(String text) {
        this.text = text;
    }

    /** Returns every read in {@code text}, in order. */
    static List<Read> of(String text) {
        SqlReads scanner = new SqlReads(text);
        scanner.scan();
        return List.copyOf(scanner.reads);
    }

    private void scan() {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                skipQuoted('\'');
            } else if (c == '-' && next('-')) {
                skipTo("\n");
            } else if (c == '/' && next('*')) {
                skipTo("*/");
            } else if (c == '{' && (next('{') || next('%'))) {
                skipTo(next('{') ? "}}" : "%}");
            } else if (c == '$' && next('{')) {
                substitution();
            } else if (c == '"' || Character.isLetter(c) || c == '_') {
                name();
            } else if (c == ':' && next(':')) {
                i += 2;
                skipTypeName();
            } else {
                i++;
            }
        }
    }

    private boolean next(char expected) {
        return i + 1 < text.length() && text.charAt(i + 1) == expected;
    }

    private void skipQuoted(char quote) {
        i++;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                i++;
                return;
            }
            i++;
        }
    }

    private void skipTo(String end) {
        int at = text.indexOf(end, i + 2);
        i = at < 0 ? text.length() : at + end.length();
    }

    /** Skips a cast's type name, {@code ::varchar}, which is not a column. */
    private void skipTypeName() {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text
                .charAt(i) == '_')) {
            i++;
        }
    }

    private void substitution() {
        int start = i;
        int close = text.indexOf('}', i);
        if (close < 0) {
            i = text.length();
            return;
        }
        String inside = text.substring(i + 2, close).strip();
        i = close + 1;
        if (inside.equals("TABLE")) {
            if (i < text.length() && text.charAt(i) == '.') {
                int columnStart = i + 1;
                String column = identifier(columnStart);
                if (!column.isEmpty()) {
                    i = columnStart + identifierLength(columnStart);
                    reads.add(new Read(Kind.TABLE_COLUMN, "", fold(column), start, i));
                }
            }
            return;
        }
        if (inside.endsWith(".SQL_TABLE_NAME")) {
            // ${view.SQL_TABLE_NAME}.column reads the view's table under no alias at all.
            if (i < text.length() && text.charAt(i) == '.') {
                String column = identifier(i + 1);
                if (!column.isEmpty()) {
                    String view = inside.substring(0, inside.length() - ".SQL_TABLE_NAME".length());
                    i = i + 1 + identifierLength(i + 1);
                    reads.add(new Read(Kind.QUALIFIED, fold(view), fold(column), start, i));
                }
            }
            return;
        }
        if (inside.equals("EXTENDED")) {
            return;
        }
        int dot = inside.indexOf('.');
        String view = dot < 0 ? "" : inside.substring(0, dot);
        String field = dot < 0 ? inside : inside.substring(dot + 1);
        reads.add(new Read(Kind.FIELD, view, field, start, i));
    }

    private void name() {
        int start = i;
        List<String> parts = new ArrayList<>();
        while (true) {
            String part = identifier(i);
            if (part.isEmpty()) {
                break;
            }
            parts.add(part);
            i += identifierLength(i);
            if (i < text.length() && text.charAt(i) == '.' && i + 1 < text.length()
                    && (text.charAt(i + 1) == '"' || Character.isLetter(text.charAt(i + 1))
                            || text.charAt(i + 1) == '_')) {
                i++;
                continue;
            }
            break;
        }
        if (parts.isEmpty()) {
            i++;
            return;
        }
        int after = i;
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        if (after < text.length() && text.charAt(after) == '(') {
            return; // a function call, not a column
        }
        String last = fold(parts.get(parts.size() - 1));
        if (parts.size() == 1) {
            reads.add(new Read(Kind.BARE, "", last, start, i));
        } else {
            reads.add(new Read(Kind.QUALIFIED, fold(parts.get(parts.size() - 2)), last, start, i));
        }
    }

    /** Returns the identifier at {@code at}, unquoted, or empty when none starts there. */
    private String identifier(int at) {
        if (at >= text.length()) {
            return "";
        }
        if (text.charAt(at) == '"') {
            int close = text.indexOf('"', at + 1);
            return close < 0 ? "" : "\"" + text.substring(at + 1, close);
        }
        int end = at;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text
                .charAt(end) == '_'
                || text.charAt(end) == '$' && end > at)) {
            end++;
        }
        return end > at && !Character.isDigit(text.charAt(at)) ? text.substring(at, end) : "";
    }

    private int identifierLength(int at) {
        if (text.charAt(at) == '"') {
            return text.indexOf('"', at + 1) - at + 1;
        }
        return identifier(at).length();
    }

    /** Folds a name as SQL does: unquoted names to lower case; quoted ones keep their case. */
    private static String fold(String name) {
        return name.startsWith("\"") ? name.substring(1) : name.toLowerCase(Locale.ROOT);
    }
}
