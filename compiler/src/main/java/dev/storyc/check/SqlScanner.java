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

    /** Returns every relation the script creates, in script order. */
    static List<Created> createdRelations(String sql) {
        List<Created> created = new ArrayList<>();
        List<SqlLexer.Token> statement = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(sql);
        for (SqlLexer.Token token = lexer.next(); token != null; token = lexer.next()) {
            if (token.kind() == SqlLexer.TokenKind.PUNCTUATION && token.text().equals(";")) {
                statement(statement, created);
                statement.clear();
            } else if (statement.size() < 16) {
                statement.add(token);
            }
        }
        statement(statement, created);
        return created;
    }

    private static void statement(List<SqlLexer.Token> tokens, List<Created> into) {
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
        if (at(tokens, i, "unlogged") || at(tokens, i, "external")) {
            // PostgreSQL's unlogged tables (staging) and Redshift's external ones are tables.
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
            SqlLexer.Token part = tokens.get(i);
            if (part.kind() == SqlLexer.TokenKind.WORD) {
                parts.add(part.text().toLowerCase(Locale.ROOT));
                text.append(part.text());
            } else if (part.kind() == SqlLexer.TokenKind.QUOTED_IDENTIFIER) {
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

    private static boolean at(List<SqlLexer.Token> tokens, int index, String word) {
        return index < tokens.size() && tokens.get(index).isWord(word);
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
