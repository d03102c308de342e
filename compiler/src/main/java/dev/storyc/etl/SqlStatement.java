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
 * @param nestedWrites the {@code INSERT}, {@code UPDATE}, {@code DELETE} or {@code MERGE} words
 *     that open a parenthesized statement, as a data-modifying common table expression does
 *     ({@code WITH gone AS (DELETE ... RETURNING *) SELECT ...}), in upper case
 */
public record SqlStatement(String text, Position start, List<String> topLevelWords, List<String> nestedWrites) {
    public SqlStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(start, "start");
        topLevelWords = List.copyOf(topLevelWords);
        nestedWrites = List.copyOf(nestedWrites);
    }

    public SqlStatement(String text, Position start, List<String> topLevelWords) {
        this(text, start, topLevelWords, List.of());
    }

    /** Returns true for a word that starts a statement which writes. */
    static boolean writes(String upperCaseWord) {
        return upperCaseWord.equals("INSERT") || upperCaseWord.equals("UPDATE") || upperCaseWord.equals("DELETE")
                || upperCaseWord.equals("MERGE");
    }

    /** Returns the first word in upper case, such as {@code INSERT}, or "" for none. */
    public String firstWord() {
        return topLevelWords.isEmpty() ? "" : topLevelWords.get(0);
    }

    /**
     * Returns true for a statement that only reads: a {@code SELECT}, {@code VALUES} or {@code
     * TABLE name}, one in parentheses (as a set operation's first operand is, {@code (SELECT ...)
     * UNION ALL (SELECT ...)}: nothing else may start with one), or a {@code WITH} whose statement
     * after the common table expressions is a {@code SELECT} (PostgreSQL also allows {@code WITH
     * ... INSERT}, which writes). A query taken for a script was run and its rows thrown away,
     * after a replace job had emptied its target.
     */
    public boolean isQuery() {
        if (firstWord().equals("SELECT") || firstWord().equals("VALUES") || firstWord().equals("TABLE")
                || text.startsWith("(")) {
            return true;
        }
        if (!firstWord().equals("WITH")) {
            return false;
        }
        return topLevelWords.stream().noneMatch(SqlStatement::writes);
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
