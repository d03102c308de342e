package dev.storyc.etl;

import java.util.Locale;

/**
 * Tells a statement splitter whether a {@code ;} ends the statement or lies inside the
 * {@code BEGIN ATOMIC ... END} body of a SQL-standard function or procedure (PostgreSQL 14):
 *
 * <pre>
 * CREATE FUNCTION visits_of(p int) RETURNS bigint LANGUAGE sql
 * BEGIN ATOMIC
 *   SELECT count(*) FROM visits WHERE patient = p;
 * END;
 * </pre>
 *
 * Split at every semicolon, that is two statements, the second a bare {@code END}: a transaction
 * command to the checks, and a syntax error to the server. It uses psql's heuristic, since psql
 * must split the same scripts without a parser: in a statement that opens with {@code CREATE [OR
 * REPLACE] FUNCTION|PROCEDURE}, each {@code BEGIN} outside parentheses opens a block, a
 * {@code CASE} inside one opens another (it also closes with {@code END}), and {@code END} closes
 * one. Feed it the words of one statement, then {@link #reset()} at its end.
 */
public final class AtomicBodies {
    private final String[] head = new String[4];
    private int words;
    private int depth;

    /** Notes a word of the statement, seen at {@code parentheses} levels of nesting. */
    public void word(String word, int parentheses) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (words < head.length) {
            head[words] = lower;
        }
        words++;
        if (parentheses > 0 || !definesRoutine()) {
            return;
        }
        switch (lower) {
            case "begin" -> depth++;
            case "case" -> depth += depth > 0 ? 1 : 0;
            case "end" -> depth = Math.max(0, depth - 1);
            default -> { }
        }
    }

    /** Returns true when a {@code ;} here ends the statement, false inside a body. */
    public boolean atStatementLevel() {
        return depth == 0;
    }

    /** Starts over for the next statement. */
    public void reset() {
        java.util.Arrays.fill(head, null);
        words = 0;
        depth = 0;
    }

    private boolean definesRoutine() {
        if (!"create".equals(head[0])) {
            return false;
        }
        return isRoutine(head[1]) || "or".equals(head[1]) && "replace".equals(head[2]) && isRoutine(head[3]);
    }

    private static boolean isRoutine(String word) {
        return "function".equals(word) || "procedure".equals(word);
    }
}
