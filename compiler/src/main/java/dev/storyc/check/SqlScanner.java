package dev.storyc.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the relations a SQL script creates: statements of the shape
 * {@code CREATE [OR REPLACE] [EXTERNAL] TABLE|VIEW|MATERIALIZED VIEW [IF NOT EXISTS] [db.][schema.]name}.
 *
 * <p>It is a lexer, not a parser: it knows enough of PostgreSQL and Redshift to never mistake text
 * for a statement (line and nested block comments, {@code '...'} and {@code E'...'} strings,
 * {@code "quoted"} identifiers and {@code $tag$...$tag$} dollar quoting) and reads only the first
 * words of each statement. A full SQL parser was weighed and rejected: JSqlParser 5.3 rejects
 * ordinary Redshift DDL ({@code WITH NO SCHEMA BINDING}, {@code CREATE TABLE (LIKE ...)},
 * {@code GRANT ... TO GROUP}), which would hide the tables of a whole file, and costs about a
 * millisecond per file, against the microseconds this scanner takes.
 * {@code TEMP} tables are skipped: they end with the session that made them.
 */
final class SqlScanner {
    private SqlScanner() {}

    /** What kind of relation a statement creates. */
    enum Kind {
        TABLE,
        VIEW,
        MATERIALIZED_VIEW
    }

    /** One relation a script creates, with the offset of its name in the script. */
    record Created(Kind kind, TableName name, int offset) {}

    /** A token of the script: a word (keyword or identifier), a quoted identifier, or punctuation. */
    private record Token(TokenKind kind, String text, int offset) {
        boolean isWord(String word) {
            return kind == TokenKind.WORD && text.equalsIgnoreCase(word);
        }
    }

    private enum TokenKind {
        WORD,
        QUOTED_IDENTIFIER,
        PUNCTUATION
    }

    /** Returns every relation the script creates, in script order. */
    static List<Created> createdRelations(String sql) {
        List<Created> created = new ArrayList<>();
        List<Token> statement = new ArrayList<>();
        Lexer lexer = new Lexer(sql);
        for (Token token = lexer.next(); token != null; token = lexer.next()) {
            if (token.kind() == TokenKind.PUNCTUATION && token.text().equals(";")) {
                statement(statement, created);
                statement.clear();
            } else if (statement.size() < 16) {
                statement.add(token);
            }
        }
        statement(statement, created);
        return created;
    }

    private static void statement(List<Token> tokens, List<Created> into) {
        int i = 0;
        if (!at(tokens, i++, "create")) {
            return;
        }
        if (at(tokens, i, "or") && at(tokens, i + 1, "replace")) {
            i += 2;
        }
        if (at(tokens, i, "temp") || at(tokens, i, "temporary") || at(tokens, i, "local")) {
            return;
        }
        if (at(tokens, i, "external")) {
            i++;
        }
        Kind kind;
        if (at(tokens, i, "table")) {
            kind = Kind.TABLE;
            i++;
        } else if (at(tokens, i, "view")) {
            kind = Kind.VIEW;
            i++;
        } else if (at(tokens, i, "materialized") && at(tokens, i + 1, "view")) {
            kind = Kind.MATERIALIZED_VIEW;
            i += 2;
        } else {
            return;
        }
        if (at(tokens, i, "if") && at(tokens, i + 1, "not") && at(tokens, i + 2, "exists")) {
            i += 3;
        }
        List<String> parts = new ArrayList<>();
        int start = i < tokens.size() ? tokens.get(i).offset() : -1;
        StringBuilder text = new StringBuilder();
        while (i < tokens.size()) {
            Token part = tokens.get(i);
            if (part.kind() == TokenKind.WORD) {
                parts.add(part.text().toLowerCase(Locale.ROOT));
                text.append(part.text());
            } else if (part.kind() == TokenKind.QUOTED_IDENTIFIER) {
                parts.add(part.text());
                text.append('"').append(part.text().replace("\"", "\"\"")).append('"');
            } else {
                return;
            }
            i++;
            if (i < tokens.size() && tokens.get(i).text().equals(".") && parts.size() < 3) {
                text.append('.');
                i++;
            } else {
                break;
            }
        }
        if (!parts.isEmpty()) {
            into.add(new Created(kind, new TableName(parts, text.toString()), start));
        }
    }

    private static boolean at(List<Token> tokens, int index, String word) {
        return index < tokens.size() && tokens.get(index).isWord(word);
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Splits a script into tokens, skipping comments, whitespace and string literals. */
    private static final class Lexer {
        private final String sql;
        private int at;

        Lexer(String sql) {
            this.sql = sql;
        }

        Token next() {
            while (at < sql.length()) {
                char c = sql.charAt(at);
                if (Character.isWhitespace(c)) {
                    at++;
                } else if (c == '-' && peek(1) == '-') {
                    int end = sql.indexOf('\n', at);
                    at = end < 0 ? sql.length() : end + 1;
                } else if (c == '/' && peek(1) == '*') {
                    skipBlockComment();
                } else if (c == '\'') {
                    skipString(false);
                } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
                    at++;
                    skipString(true);
                } else if (c == '"') {
                    return quotedIdentifier();
                } else if (c == '$' && dollarTagEnd() > 0) {
                    skipDollarQuoted();
                } else if (isIdentifierStart(c)) {
                    int start = at;
                    while (at < sql.length() && isIdentifierPart(sql.charAt(at))) {
                        at++;
                    }
                    return new Token(TokenKind.WORD, sql.substring(start, at), start);
                } else {
                    at++;
                    return new Token(TokenKind.PUNCTUATION, String.valueOf(c), at - 1);
                }
            }
            return null;
        }

        private char peek(int ahead) {
            return at + ahead < sql.length() ? sql.charAt(at + ahead) : '\0';
        }

        /** PostgreSQL block comments nest: {@code /* a /* b *\/ c *\/} is one comment. */
        private void skipBlockComment() {
            int depth = 0;
            while (at < sql.length()) {
                if (sql.startsWith("/*", at)) {
                    depth++;
                    at += 2;
                } else if (sql.startsWith("*/", at)) {
                    depth--;
                    at += 2;
                    if (depth == 0) {
                        return;
                    }
                } else {
                    at++;
                }
            }
        }

        /** Skips a string whose opening quote is at {@code at}; {@code ''} is a quote, and so is {@code \'} in E-strings. */
        private void skipString(boolean backslashEscapes) {
            at++;
            while (at < sql.length()) {
                char c = sql.charAt(at);
                if (backslashEscapes && c == '\\') {
                    at += 2;
                } else if (c == '\'') {
                    if (peek(1) == '\'') {
                        at += 2;
                    } else {
                        at++;
                        return;
                    }
                } else {
                    at++;
                }
            }
        }

        private Token quotedIdentifier() {
            int start = at;
            StringBuilder name = new StringBuilder();
            at++;
            while (at < sql.length()) {
                char c = sql.charAt(at);
                if (c == '"') {
                    if (peek(1) == '"') {
                        name.append('"');
                        at += 2;
                        continue;
                    }
                    at++;
                    break;
                }
                name.append(c);
                at++;
            }
            return new Token(TokenKind.QUOTED_IDENTIFIER, name.toString(), start);
        }

        /**
         * Returns the end (exclusive) of a dollar-quote tag such as {@code $$} or {@code $body$} at
         * {@code at}, or -1. A tag cannot start with a digit, so {@code $1} stays a parameter.
         */
        private int dollarTagEnd() {
            int i = at + 1;
            if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
                return -1;
            }
            while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                i++;
            }
            return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
        }

        private void skipDollarQuoted() {
            int tagEnd = dollarTagEnd();
            String tag = sql.substring(at, tagEnd);
            int close = sql.indexOf(tag, tagEnd);
            at = close < 0 ? sql.length() : close + tag.length();
        }
    }
}
