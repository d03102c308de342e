package dev.storyc.etl;

import dev.storyc.diag.Position;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One statement of a SQL script: its text without the closing {@code ;} and without the comments
 * and blank lines before it, where it starts, and the words it has outside parentheses, which is
 * all storyc needs to know what kind of statement it is.
 *
 * @param start where the statement's first word is, so errors point at the statement itself
 * @param topLevelWords the words outside parentheses, strings and comments, in upper case
 */
public record SqlStatement(String text, Position start, List<String> topLevelWords) {
    public SqlStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(start, "start");
        topLevelWords = List.copyOf(topLevelWords);
    }

    /** Returns the first word in upper case, such as {@code INSERT}, or "" for none. */
    public String firstWord() {
        return topLevelWords.isEmpty() ? "" : topLevelWords.get(0);
    }

    /**
     * Returns true for a statement that only reads: a {@code SELECT}, or a {@code WITH} whose
     * statement after the common table expressions is a {@code SELECT} (PostgreSQL also allows
     * {@code WITH ... INSERT}, which writes).
     */
    public boolean isQuery() {
        if (firstWord().equals("SELECT") || firstWord().equals("VALUES")) {
            return true;
        }
        if (!firstWord().equals("WITH")) {
            return false;
        }
        return topLevelWords.stream()
                .noneMatch(
                        w ->
                                w.equals("INSERT")
                                        || w.equals("UPDATE")
                                        || w.equals("DELETE")
                                        || w.equals("MERGE"));
    }

    /**
     * Returns the position of a 1-based character offset inside {@link #text()}, as a database
     * reports it in an error (PostgreSQL's {@code position}), in the script's coordinates.
     */
    public Position positionOf(int characterOffset) {
        int line = start.line();
        int column = start.column();
        int end = Math.min(Math.max(characterOffset - 1, 0), text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return Position.of(start.file(), line, column);
    }

    /** Returns a word as {@link #topLevelWords} holds it. */
    static String word(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
