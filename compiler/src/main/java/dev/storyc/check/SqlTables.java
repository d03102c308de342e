package dev.storyc.check;

import dev.storyc.check.SqlLexer.Token;
import dev.storyc.check.SqlLexer.TokenKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the tables a SQL script reads and writes: the names after {@code FROM}, {@code JOIN},
 * {@code INSERT INTO}, {@code UPDATE}, {@code DELETE FROM}, {@code MERGE INTO}, {@code USING} and
 * {@code TRUNCATE}, with comma-separated {@code FROM} lists, and the tables {@code DROP TABLE} and
 * {@code ALTER TABLE} change. Common table expressions, tables the
 * script creates for itself ({@code CREATE TEMP TABLE}), subqueries and the {@code FROM} inside
 * function calls ({@code EXTRACT(YEAR FROM d)}, {@code TRIM(x FROM y)}) are not tables.
 */
public final class SqlTables {
    /** One table a script uses, with the offset of its name. */
    record Use(TableName name, int offset) {}

    private static final Set<String> CLAUSE_WORDS =
            Set.of(
                    "select", "in", "exists", "from", "join", "as", "on", "where", "and", "or",
                    "not", "any", "all", "some", "using", "lateral", "union", "values", "with",
                    "into", "then", "else", "when", "case", "by", "having", "set", "is", "like",
                    "over");

    private SqlTables() {}

    /** Returns the tables the script uses, in order; names it defines for itself are left out. */
    static List<Use> uses(String sql) {
        List<Use> uses = new ArrayList<>();
        Set<String> local = new HashSet<>();
        List<List<Token>> statements = SqlLexer.statements(sql);
        Set<String> createdHere = createdTables(statements);
        for (List<Token> statement : statements) {
            statement(statement, local, uses);
            dropOrAlter(statement, createdHere, uses);
        }
        return uses.stream()
                .filter(u -> u.name().parts().size() > 1 || !local.contains(u.name().table()))
                .toList();
    }

    private static void statement(List<Token> tokens, Set<String> local, List<Use> into) {
        SqlCursor start = new SqlCursor(tokens);
        if (start.word("create")) {
            start.words("or", "replace");
            if (start.word("temp") || start.word("temporary") || start.word("local")) {
                start.word("temp");
                start.word("temporary");
                start.word("table");
                start.words("if", "not", "exists");
                start.name().ifPresent(n -> local.add(n.table()));
            }
        }
        // Common table expressions: WITH a AS (...), b AS (...)
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean opens = t.isWord("with") || t.text().equals(",") || t.isWord("recursive");
            if (opens
                    && tokens.get(i + 1).kind() != TokenKind.PUNCTUATION
                    && tokens.get(i + 2).isWord("as")
                    && i + 3 < tokens.size()
                    && tokens.get(i + 3).text().equals("(")) {
                SqlCursor.identifier(tokens.get(i + 1)).ifPresent(local::add);
            }
        }
        // A foreign key, inside a column list the loop below skips as a call's arguments, uses
        // the table it references as surely as a query does (round 22).
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("references")) {
                name(tokens, i + 1, into, true);
            }
        }
        // Parentheses that follow a function name hold arguments, where FROM is not a clause.
        List<Boolean> functionCall = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text().equals("(") && t.kind() == TokenKind.PUNCTUATION) {
                Token before = i > 0 ? tokens.get(i - 1) : null;
                functionCall.add(
                        before != null
                                && before.kind() == TokenKind.WORD
                                && !CLAUSE_WORDS.contains(before.text().toLowerCase(Locale.ROOT)));
                continue;
            }
            if (t.text().equals(")") && t.kind() == TokenKind.PUNCTUATION) {
                if (!functionCall.isEmpty()) {
                    functionCall.remove(functionCall.size() - 1);
                }
                continue;
            }
            if (!functionCall.isEmpty() && functionCall.get(functionCall.size() - 1)) {
                continue;
            }
            int next = -1;
            boolean list = false;
            if (t.isWord("from")) {
                next = i + 1;
                list = true;
            } else if (t.isWord("join") || t.isWord("update") || t.isWord("truncate")) {
                next = i + 1;
                if (next < tokens.size() && tokens.get(next).isWord("table")) {
                    next++;
                }
            } else if (t.isWord("into")
                    && i > 0
                    && (tokens.get(i - 1).isWord("insert") || tokens.get(i - 1).isWord("merge"))) {
                next = i + 1;
            } else if (t.isWord("using") && statementIs(tokens, "merge", "delete")) {
                next = i + 1;
            }
            if (next < 0) {
                continue;
            }
            if (next < tokens.size() && tokens.get(next).isWord("only")) {
                next++;
            }
            boolean insert = t.isWord("into");
            while (next < tokens.size()) {
                int end = name(tokens, next, into, insert);
                if (!list || end < 0) {
                    break;
                }
                // FROM a x, b AS y: skip an alias, then continue after a comma
                int j = end;
                if (j < tokens.size() && tokens.get(j).isWord("as")) {
                    j++;
                }
                if (j < tokens.size()
                        && tokens.get(j).kind() != TokenKind.PUNCTUATION
                        && !CLAUSE_WORDS.contains(tokens.get(j).text().toLowerCase(Locale.ROOT))
                        && !isClause(tokens.get(j))) {
                    j++;
                }
                if (j < tokens.size() && tokens.get(j).text().equals(",")) {
                    next = j + 1;
                } else {
                    break;
                }
            }
        }
    }

    /**
     * {@code DROP TABLE} and {@code ALTER TABLE} change a table as surely as a {@code DELETE}
     * does, so they are uses too: an ETL job that drops storyc's registry, or alters another
     * story's table, is then E0628 or E0629 like one that deletes from it. A table the script
     * creates itself (a scratch table, dropped first) is its own business.
     */
    private static void dropOrAlter(List<Token> tokens, Set<String> createdHere, List<Use> into) {
        boolean drop = tokens.size() > 2 && tokens.get(0).isWord("drop") && tokens.get(1).isWord("table");
        boolean alter = tokens.size() > 2 && tokens.get(0).isWord("alter") && tokens.get(1).isWord("table");
        if (!drop && !alter) {
            return;
        }
        int next = 2;
        if (next + 1 < tokens.size() && tokens.get(next).isWord("if") && tokens.get(next + 1).isWord("exists")) {
            next += 2;
        }
        if (alter && next < tokens.size() && tokens.get(next).isWord("only")) {
            next++;
        }
        List<Use> found = new ArrayList<>();
        while (next < tokens.size()) {
            int end = name(tokens, next, found, true);
            if (!drop || end < 0 || end >= tokens.size() || !tokens.get(end).text().equals(",")) {
                break;
            }
            next = end + 1;
        }
        found.stream().filter(use -> !createdHere.contains(use.name().key())).forEach(into::add);
    }

    /** Returns the tables the script creates (not temporary ones, which are local anyway). */
    private static Set<String> createdTables(List<List<Token>> statements) {
        Set<String> created = new HashSet<>();
        for (List<Token> tokens : statements) {
            created(tokens).ifPresent(name -> created.add(name.key()));
        }
        return created;
    }

    /**
     * Returns the table a {@code CREATE [OR REPLACE] [UNLOGGED] TABLE [IF NOT EXISTS] name}
     * statement creates; empty for a temporary table, which never outlives its session, and for
     * any other statement. The one reading of it for the checks and for the warehouse's plans.
     */
    public static Optional<TableName> created(List<Token> statement) {
        SqlCursor cursor = new SqlCursor(statement);
        if (!cursor.word("create")) {
            return Optional.empty();
        }
        cursor.words("or", "replace");
        cursor.word("unlogged");
        if (!cursor.word("table")) {
            return Optional.empty();
        }
        cursor.words("if", "not", "exists");
        return cursor.name();
    }

    private static boolean isClause(Token token) {
        for (String word :
                List.of(
                        "left",
                        "right",
                        "inner",
                        "outer",
                        "full",
                        "cross",
                        "natural",
                        "group",
                        "order",
                        "limit",
                        "offset",
                        "window",
                        "qualify",
                        "returning",
                        "except",
                        "intersect")) {
            if (token.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean statementIs(List<Token> tokens, String... first) {
        for (String word : first) {
            if (!tokens.isEmpty() && tokens.get(0).isWord(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a table name at {@code at}; returns the index after it, or -1 when there is none (a
     * subquery, a table function). After {@code INSERT INTO} a {@code (} starts the column list.
     */
    private static int name(List<Token> tokens, int at, List<Use> into, boolean columnsMayFollow) {
        List<String> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = at;
        while (i < tokens.size() && tokens.get(i).kind() != TokenKind.PUNCTUATION) {
            Token part = tokens.get(i++);
            parts.add(SqlCursor.identifier(part).orElseThrow());
            text.append(
                    part.kind() == TokenKind.QUOTED_IDENTIFIER
                            ? "\"" + part.text() + "\""
                            : part.text());
            if (parts.size() < 3 && i < tokens.size() && tokens.get(i).text().equals(".")) {
                i++;
                text.append('.');
            } else {
                break;
            }
        }
        if (parts.isEmpty()
                || !columnsMayFollow && i < tokens.size() && tokens.get(i).text().equals("(")) {
            return -1; // a subquery, or a table function such as generate_series(...)
        }
        if (parts.size() == 1 && CLAUSE_WORDS.contains(parts.get(0))) {
            return -1;
        }
        into.add(new Use(new TableName(parts, text.toString()), tokens.get(at).offset()));
        return i;
    }
}
