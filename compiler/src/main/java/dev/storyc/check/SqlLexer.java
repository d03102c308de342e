package dev.storyc.check;

/**
 * Splits PostgreSQL and Redshift SQL into tokens: words (keywords and identifiers), quoted
 * identifiers and punctuation, skipping whitespace, line comments, nested block comments,
 * {@code '...'} and {@code E'...'} strings and {@code $tag$...$tag$} dollar quoting, so that no
 * text inside a string or comment is ever mistaken for SQL. Shared by the scanners that read
 * statements: {@link SqlScanner}, {@link ColumnCatalog} and {@link SqlTables}. See
 * {@link SqlScanner} for why this is hand-written rather than a SQL parser.
 */
public final class SqlLexer {
    /**
     * A token of the script: a word (keyword or identifier), a quoted identifier, punctuation, or
     * (only from a lexer that keeps them) a string literal.
     *
     * @param text the word or punctuation; a quoted identifier's name without its quotes; a
     *     string literal as written, quotes included
     * @param offset where the token starts in the script
     * @param end where it ends (exclusive), so that a caller can cut or wrap the text it spans
     */
    public record Token(TokenKind kind, String text, int offset, int end) {
        public boolean isWord(String word) {
            return kind == TokenKind.WORD && text.equalsIgnoreCase(word);
        }

        /** Returns true for punctuation that is exactly {@code punct}. */
        public boolean isPunct(String punct) {
            return kind == TokenKind.PUNCTUATION && text.equals(punct);
        }
    }

    /** What a token is. */
    public enum TokenKind {
        WORD,
        QUOTED_IDENTIFIER,
        PUNCTUATION,
        /** A {@code '...'}, {@code E'...'} or dollar-quoted literal, when the lexer keeps them. */
        STRING
    }

    private final String sql;
    private final boolean keepStrings;
    /** Whether {@code \'} escapes a quote in every string, as Redshift reads them, not just in E''. */
    private final boolean backslashEscapes;
    private int at;
    /** Where a comment, string, quoted name or dollar quote opened that the script never closes. */
    private int unterminated = -1;

    SqlLexer(String sql) {
        this(sql, false);
    }

    private SqlLexer(String sql, boolean keepStrings) {
        this(sql, keepStrings, false);
    }

    private SqlLexer(String sql, boolean keepStrings, boolean backslashEscapes) {
        this.sql = sql;
        this.keepStrings = keepStrings;
        this.backslashEscapes = backslashEscapes;
    }

    /**
     * Returns the script's statements as {@link #statements} does, with string literals kept as
     * {@link TokenKind#STRING} tokens: a reader that rewrites select items must know where a
     * literal such as {@code 'MRN-' || mrn} starts.
     */
    public static java.util.List<java.util.List<Token>> statementsWithStrings(String sql) {
        return split(new SqlLexer(sql, true));
    }

    /** Returns the script's statements, each as its tokens without the closing {@code ;}. */
    public static java.util.List<java.util.List<Token>> statements(String sql) {
        return split(new SqlLexer(sql));
    }

    /**
     * Returns the statements as {@link #statements} does, and where the first comment, string,
     * quoted name or dollar quote that never closes opens (-1 when all close), from one pass.
     */
    static Lexed lex(String sql) {
        return lex(sql, false);
    }

    /**
     * Lexes as {@link #lex(String)} does; with {@code backslashEscapes}, {@code \'} escapes a quote in
     * every string, as Redshift (and PostgreSQL without standard_conforming_strings) reads them.
     */
    static Lexed lex(String sql, boolean backslashEscapes) {
        SqlLexer lexer = new SqlLexer(sql, false, backslashEscapes);
        java.util.List<java.util.List<Token>> statements = split(lexer);
        return new Lexed(statements, lexer.unterminated);
    }

    /** A lexed script: its statements, and where an unclosed construct opens, or -1. */
    record Lexed(java.util.List<java.util.List<Token>> statements, int unterminated) {}

    private static java.util.List<java.util.List<Token>> split(SqlLexer lexer) {
        java.util.List<java.util.List<Token>> statements = new java.util.ArrayList<>();
        java.util.List<Token> statement = new java.util.ArrayList<>();
        dev.storyc.etl.AtomicBodies bodies = new dev.storyc.etl.AtomicBodies();
        int parentheses = 0;
        for (Token token = lexer.next(); token != null; token = lexer.next()) {
            if (token.isPunct(";") && bodies.atStatementLevel()) {
                if (!statement.isEmpty()) {
                    statements.add(statement);
                }
                statement = new java.util.ArrayList<>();
                bodies.reset();
                parentheses = 0;
            } else {
                if (token.isPunct("(")) {
                    parentheses++;
                } else if (token.isPunct(")")) {
                    parentheses = Math.max(0, parentheses - 1);
                } else if (token.kind() == TokenKind.WORD) {
                    bodies.word(token.text(), parentheses);
                }
                statement.add(token);
            }
        }
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        return statements;
    }

    /** Returns the next token, or null at the end of the script. */
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
                int start = at;
                skipString(backslashEscapes);
                if (keepStrings) {
                    return string(start);
                }
            } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
                int start = at;
                at++;
                skipString(true);
                if (keepStrings) {
                    return string(start);
                }
            } else if (c == '"') {
                return quotedIdentifier();
            } else if (c == '$' && dollarTagEnd() > 0) {
                int start = at;
                skipDollarQuoted();
                if (keepStrings) {
                    return string(start);
                }
            } else if (SqlScanner.isIdentifierStart(c)) {
                int start = at;
                while (at < sql.length() && SqlScanner.isIdentifierPart(sql.charAt(at))) {
                    at++;
                }
                return new Token(TokenKind.WORD, sql.substring(start, at), start, at);
            } else {
                at++;
                return new Token(TokenKind.PUNCTUATION, String.valueOf(c), at - 1, at);
            }
        }
        return null;
    }

    private Token string(int start) {
        return new Token(TokenKind.STRING, sql.substring(start, at), start, at);
    }

    private char peek(int ahead) {
        return at + ahead < sql.length() ? sql.charAt(at + ahead) : '\0';
    }

    /** PostgreSQL block comments nest: {@code /* a /* b *\/ c *\/} is one comment. */
    private void skipBlockComment() {
        int opened = at;
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
        unclosed(opened);
    }

    private void unclosed(int opened) {
        if (unterminated < 0) {
            unterminated = opened;
        }
    }

    /**
     * Skips a string whose opening quote is at {@code at}; {@code ''} is a quote, and so is {@code
     * \'} in E-strings.
     */
    private void skipString(boolean backslashEscapes) {
        int opened = at;
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
        unclosed(opened);
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
                return new Token(TokenKind.QUOTED_IDENTIFIER, name.toString(), start, at);
            }
            name.append(c);
            at++;
        }
        unclosed(start);
        return new Token(TokenKind.QUOTED_IDENTIFIER, name.toString(), start, at);
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
        while (i < sql.length()
                && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
    }

    private void skipDollarQuoted() {
        int tagEnd = dollarTagEnd();
        String tag = sql.substring(at, tagEnd);
        int close = sql.indexOf(tag, tagEnd);
        if (close < 0) {
            unclosed(at);
        }
        at = close < 0 ? sql.length() : close + tag.length();
    }
}
