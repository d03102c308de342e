package dev.storyc.check;

import dev.storyc.check.SqlLexer.Token;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Builds each table's column list from schema scripts applied in plan order: {@code CREATE TABLE}
 * with column definitions or {@code LIKE}, {@code CREATE TABLE AS} and views whose select list is
 * plain, {@code ALTER TABLE ... ADD / DROP / RENAME COLUMN}, {@code ALTER TABLE ... RENAME TO} and
 * {@code DROP TABLE / VIEW}. It is a pure function of an ordered list of scripts, so it serves a
 * story's single deploy.sql as well as an ordered list of later schema changes.
 *
 * <p>A table whose columns cannot be known (a {@code SELECT *}, an expression without an alias)
 * is kept with the reason, so a check can say so instead of guessing.
 *
 * <p>This file holds the catalog value and the dispatch of each statement; reading the statements
 * lives in {@link CreateStatements}, {@link AlterStatements}, {@link DropStatements} and
 * {@link SelectList}, so each grammar can be read, and changed, on its own.
 */
final class ColumnCatalog {
    /** One schema script, in apply order: the story it belongs to, its path, its rendered SQL. */
    record Script(String story, String path, String sql) {}

    /**
     * A table's columns in order, or why they cannot be known; the script that last shaped it, and
     * the one that created it. They differ when a story adds a column to a table another story
     * creates: the table is still the creator's (its phi.toml classifies it).
     */
    record Columns(
            TableName table,
            List<String> names,
            java.util.Map<String, String> types,
            Optional<String> unknownBecause,
            Script script,
            Script created) {
        boolean known() {
            return unknownBecause.isEmpty();
        }

        boolean has(String column) {
            return names.contains(column);
        }
    }

    private final ColumnTables tables = new ColumnTables();

    private ColumnCatalog() {}

    /** Applies the scripts in order and returns the tables that exist at the end. */
    static ColumnTables build(List<Script> scripts) {
        ColumnCatalog catalog = new ColumnCatalog();
        for (Script script : scripts) {
            List<List<Token>> statements = SqlLexer.statements(script.sql());
            for (int i = 0; i < statements.size(); i++) {
                List<Token> statement = statements.get(i);
                int end = i + 1 < statements.size() ? statements.get(i + 1).get(0).offset() : script.sql().length();
                catalog.statement(statement, script, script.sql().substring(statement.get(0).offset(), end));
            }
        }
        return catalog.tables;
    }

    /**
     * Statements that may change tables by SQL the catalog does not read: a block, a procedure
     * call, a prepared statement. ({@code CREATE TRIGGER ... EXECUTE FUNCTION} changes no table.)
     */
    private static boolean opaque(List<Token> tokens) {
        Token first = tokens.get(0);
        return first.isWord("do") || first.isWord("call") || first.isWord("execute");
    }

    private void statement(List<Token> tokens, Script script, String text) {
        if (opaque(tokens)) {
            // What a DO block or EXECUTE does to a table is not read here: every table its text
            // names has columns that cannot be known from now on, so that neither a column it
            // added (a false E0641) nor one it dropped is judged.
            for (Columns table : List.copyOf(tables.values())) {
                if (java.util.regex.Pattern.compile("(?<![\\w$])" + java.util.regex.Pattern.quote(table.table().table())
                        + "(?![\\w$])", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text).find()) {
                    tables.put(new Columns(table.table(), table.names(), table.types(),
                            Optional.of("a DO block, CALL or EXECUTE changes it in SQL check does not read"),
                            script, table.created()));
                }
            }
            return;
        }
        SqlCursor c = new SqlCursor(tokens);
        if (c.word("create")) {
            CreateStatements.create(this, c, script);
        } else if (c.word("alter") && c.word("table")) {
            AlterStatements.alter(this, c, script);
        } else {
            DropStatements.dropped(c).forEach(this::remove);
        }
    }

    /** Returns the columns of a table a reference means, as the catalog stands now. */
    Optional<Columns> find(TableName reference) {
        return tables.lookup(reference);
    }

    /** Stores a table's columns, replacing any table the name already means. */
    void put(TableName name, List<String> columns, String unknown, Script script) {
        put(name, columns, java.util.Map.of(), unknown, script);
    }

    /**
     * Stores a table's columns with the types that are known (the first word of a column's
     * declared type, lower case, such as {@code date} or {@code varchar}), replacing any table the
     * name already means.
     */
    void put(TableName name, List<String> columns, java.util.Map<String, String> types, String unknown,
            Script script) {
        store(name, columns, types, Optional.ofNullable(unknown), script, script);
    }

    /**
     * Stores what an {@code ALTER TABLE} made of a table that exists, under {@code name} (its new
     * one after a {@code RENAME TO}), keeping the script that created it.
     */
    void reshape(Columns existing, TableName name, List<String> columns, java.util.Map<String, String> types,
            Script script) {
        store(name, columns, types, existing.unknownBecause(), script, existing.created());
    }

    private void store(TableName name, List<String> columns, java.util.Map<String, String> types,
            Optional<String> unknown, Script script, Script created) {
        java.util.Map<String, String> kept = new java.util.LinkedHashMap<>(types);
        kept.keySet().retainAll(columns);
        tables.put(
                new Columns(
                        name,
                        List.copyOf(new LinkedHashSet<>(columns)),
                        java.util.Collections.unmodifiableMap(kept),
                        unknown,
                        script,
                        created));
    }

    /**
     * Records that a script drops or renames a column its table lacks, when the table's columns are
     * known: of a table whose columns are not, nothing can be said.
     */
    void missing(Columns table, Script script, Token column, String verb) {
        if (table.known()) {
            tables.missing(new MissingColumn(script, column.offset(), table.table().text(), column.text(), verb,
                    table.names()));
        }
    }

    /** Forgets the table a name means, if any. */
    void remove(TableName name) {
        tables.remove(name);
    }
}
