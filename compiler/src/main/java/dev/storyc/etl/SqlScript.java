package dev.storyc.etl;

import dev.storyc.diag.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into its statements, each with the line it starts on, so that a failing
 * statement is reported at its own line and each runs as one JDBC call.
 *
 * <p>A lexer, not a parser: it knows PostgreSQL's and Redshift's comments ({@code --} and nested
 * block comments), {@code '...'} and {@code E'...'} strings, {@code "quoted"} identifiers and
 * {@code $tag$...$tag$} dollar quoting, which is what it takes never to split inside text. The
 * driver's own splitting is not used because it reports no offsets, and JSqlParser was rejected for
 * the reason {@code check.SqlScanner} gives: it refuses ordinary Redshift SQL.
 */
public final class SqlScript {
    private final String path;
    private final String text;
    private final List<SqlStatement> statements = new ArrayList<>();
    private int offset;
    private int line = 1;
    private int column = 1;

    private SqlScript(String path, String text) {
        this.path = path;
        this.text = text;
    }

    /** Returns the statements of a script, in order; empty statements ({@code ;;}) are dropped. */
    public static List<SqlStatement> statements(String path, String text) {
        SqlScript script = new SqlScript(path, text);
        script.split();
        return List.copyOf(script.statements);
    }

    private void split() {
        int begin = -1;
        Position start = null;
        int depth = 0;
        AtomicBodies bodies = new AtomicBodies();
        List<String> words = new ArrayList<>();
        List<String> nestedWrites = new ArrayList<>();
        boolean opened = false;
        while (offset < text.length()) {
            char c = text.charAt(offset);
            if (Character.isWhitespace(c)) {
                advance(1);
            } else if (startsWith("--")) {
                while (offset < text.length() && text.charAt(offset) != '\n') {
                    advance(1);
                }
            } else if (startsWith("/*")) {
                blockComment();
            } else if (c == ';' && !bodies.atStatementLevel()) {
                advance(1);
            } else if (c == ';') {
                if (begin >= 0) {
                    statements.add(new SqlStatement(text.substring(begin, offset), start, words, nestedWrites));
                }
                begin = -1;
                words = new ArrayList<>();
                nestedWrites = new ArrayList<>();
                opened = false;
                depth = 0;
                bodies.reset();
                advance(1);
            } else {
                if (begin < 0) {
                    begin = offset;
                    start = Position.of(path, line, column);
                }
                if (c == '(') {
                    depth++;
                    opened = true;
                    advance(1);
                    continue;
                } else if (c == ')') {
                    depth = Math.max(0, depth - 1);
                    advance(1);
                } else if (c == '\'' || ((c == 'E' || c == 'e') && peek(1) == '\'')) {
                    boolean escapes = c != '\'';
                    advance(escapes ? 1 : 0);
                    quoted('\'', escapes);
                } else if (c == '"') {
                    quoted('"', false);
                } else if (c == '$' && dollarTag() != null) {
                    dollarQuoted(dollarTag());
                } else if (Character.isLetter(c) || c == '_') {
                    int from = offset;
                    while (offset < text.length()
                            && (Character.isLetterOrDigit(text.charAt(offset))
                                    || text.charAt(offset) == '_'
                                    || text.charAt(offset) == '$')) {
                        advance(1);
                    }
                    String word = text.substring(from, offset);
                    bodies.word(word, depth);
                    if (depth == 0) {
                        words.add(SqlStatement.word(word));
                    } else if (opened && SqlStatement.writes(SqlStatement.word(word))) {
                        nestedWrites.add(SqlStatement.word(word));
                    }
                } else {
                    advance(1);
                }
                // Only the first token after a parenthesis can start the statement it holds.
                opened = false;
            }
        }
        if (begin >= 0) {
            statements.add(new SqlStatement(text.substring(begin).stripTrailing(), start, words, nestedWrites));
        }
    }

    private void blockComment() {
        int nesting = 0;
        do {
            if (startsWith("/*")) {
                nesting++;
                advance(2);
            } else if (startsWith("*/")) {
                nesting--;
                advance(2);
            } else {
                advance(1);
            }
        } while (nesting > 0 && offset < text.length());
    }

    /**
     * Skips a quoted string or identifier; a doubled quote is an escaped one, and in {@code E'...'}
     * strings so is a backslash.
     */
    private void quoted(char quote, boolean backslashEscapes) {
        advance(1);
        while (offset < text.length()) {
            char c = text.charAt(offset);
            if (c == quote && peek(1) == quote) {
                advance(2);
            } else if (c == '\\' && backslashEscapes) {
                advance(2);
            } else {
                advance(1);
                if (c == quote) {
                    return;
                }
            }
        }
    }

    /** Returns {@code $tag$} at the current offset, or null when the dollar is not a quote. */
    private String dollarTag() {
        int end = offset + 1;
        while (end < text.length()
                && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        if (end < text.length()
                && text.charAt(end) == '$'
                && (end == offset + 1 || !Character.isDigit(text.charAt(offset + 1)))) {
            return text.substring(offset, end + 1);
        }
        return null;
    }

    private void dollarQuoted(String tag) {
        advance(tag.length());
        int close = text.indexOf(tag, offset);
        advance((close < 0 ? text.length() : close + tag.length()) - offset);
    }

    private boolean startsWith(String prefix) {
        return text.startsWith(prefix, offset);
    }

    private char peek(int ahead) {
        return offset + ahead < text.length() ? text.charAt(offset + ahead) : '\0';
    }

    private void advance(int count) {
        for (int i = 0; i < count && offset < text.length(); i++) {
            if (text.charAt(offset) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            offset++;
        }
    }
}
