package dev.storyc.validate;

/**
 * Ends user SQL so that what storyc writes after it stays SQL. A {@code sql:} may end in a {@code
 * -- comment}, which runs to the end of its line; storyc's queries go on after the user's text on
 * the same line ({@code  AS f0,}, {@code ) AS alias}, {@code  IS NULL}), and the comment swallowed
 * all of it: the field before a valid one was blamed on the other, and a key test lost its
 * {@code COUNT(*)}. Looker ends a field's SQL with a line end for the same reason.
 *
 * <p>Whether the last line really ends inside a comment would need a lexer (a {@code --} may sit in
 * a string); a line end after a last line that merely holds {@code --} changes nothing, so the
 * test is the cheap one.
 */
final class LineComments {
    private LineComments() {}

    /** Returns {@code sql} with a line end after it when its last line holds {@code --}. */
    static String closed(String sql) {
        return sql.substring(sql.lastIndexOf('\n') + 1).contains("--") ? sql + "\n" : sql;
    }
}
