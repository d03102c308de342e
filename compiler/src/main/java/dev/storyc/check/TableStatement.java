package dev.storyc.check;

import dev.storyc.check.SqlLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one statement of a schema script does to the persistent tables it names, for the readers
 * that follow a script from top to bottom ({@code warehouse apply --log-only}'s check that the
 * tables a deploy leaves behind exist): it creates one, drops some, renames or moves one, or
 * changes the search path that unqualified names resolve on. A closed set; any other statement
 * is none of these.
 */
public sealed interface TableStatement {
    /** {@code CREATE [UNLOGGED] TABLE name}: see {@link SqlTables#created}. */
    record Created(TableName name) implements TableStatement {}

    /** {@code DROP TABLE [IF EXISTS] a, b}. */
    record Dropped(List<TableName> names) implements TableStatement {
        public Dropped {
            names = List.copyOf(names);
        }
    }

    /**
     * {@code ALTER TABLE name RENAME TO other} or {@code ALTER TABLE name SET SCHEMA other}: the
     * table is {@code to} from here on.
     */
    record Moved(TableName from, TableName to) implements TableStatement {}

    /**
     * {@code SET [SESSION | LOCAL] search_path ...}, {@code SET SCHEMA ...} or {@code RESET
     * search_path}, as written: running the statement itself is the only exact reading of its value
     * ({@code "$user"}, quoted and missing schemas), so the reader keeps its text.
     */
    record SearchPath(String statement) implements TableStatement {}

    /** Returns what {@code statement}, whose text is {@code text}, does to tables, if anything. */
    private static Optional<TableStatement> of(List<Token> statement, String text) {
        if (statement.isEmpty()) {
            return Optional.empty();
        }
        Optional<TableName> created = SqlTables.created(statement);
        if (created.isPresent()) {
            return Optional.of(new Created(created.get()));
        }
        if (statement.size() > 1 && statement.get(0).isWord("drop") && statement.get(1).isWord("table")) {
            // The one reading of a DROP, shared with the column catalog and the revert checks; a
            // dropped view is no table, so only DROP TABLE counts here.
            List<TableName> names = DropStatements.dropped(new SqlCursor(statement));
            return names.isEmpty() ? Optional.empty() : Optional.of(new Dropped(names));
        }
        SqlCursor cursor = new SqlCursor(statement);
        if (cursor.words("alter", "table")) {
            cursor.words("if", "exists");
            cursor.word("only");
            Optional<TableName> from = cursor.name();
            if (from.isEmpty()) {
                return Optional.empty();
            }
            if (cursor.words("rename", "to")) {
                return cursor.nextIdentifier().map(table -> new Moved(from.get(),
                        renamed(from.get(), table)));
            }
            if (cursor.words("set", "schema")) {
                return cursor.nextIdentifier().map(schema -> new Moved(from.get(),
                        new TableName(List.of(schema, from.get().table()), schema + "." + from.get().table())));
            }
            return Optional.empty();
        }
        boolean set = cursor.word("set");
        if (set || cursor.word("reset")) {
            if (set && !cursor.word("session")) {
                cursor.word("local");
            }
            if (cursor.word("search_path") || set && cursor.word("schema")) {
                return Optional.of(new SearchPath(text));
            }
        }
        return Optional.empty();
    }

    /** Returns {@code from} renamed to {@code table}: a rename keeps the schema. */
    private static TableName renamed(TableName from, String table) {
        List<String> parts = new ArrayList<>(from.parts());
        parts.set(parts.size() - 1, table);
        return new TableName(parts, String.join(".", parts));
    }

    /** Returns every statement of {@code sql} that does something to tables, in order. */
    static List<Located> in(String sql) {
        List<Located> found = new ArrayList<>();
        for (List<Token> statement : SqlLexer.statementsWithStrings(sql)) {
            if (statement.isEmpty()) {
                continue;
            }
            int start = statement.get(0).offset();
            int end = statement.get(statement.size() - 1).end();
            of(statement, sql.substring(start, end)).ifPresent(what -> found.add(new Located(what, start)));
        }
        return List.copyOf(found);
    }

    /** A statement that does something to tables, and the offset its first token starts at. */
    record Located(TableStatement statement, int offset) {}
}
