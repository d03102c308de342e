package dev.storyc.check;

import dev.storyc.check.ColumnCatalog.Script;
import dev.storyc.check.SqlLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies {@code CREATE TABLE} (column definitions or {@code LIKE}), {@code CREATE TABLE AS} and
 * {@code CREATE [MATERIALIZED] VIEW} to a {@link ColumnCatalog}. Kept apart from the catalog so
 * the grammar of creating a table can be read without the bookkeeping of storing it.
 */
final class CreateStatements {
    private CreateStatements() {}

    static void create(ColumnCatalog catalog, SqlCursor c, Script script) {
        boolean replaces = c.words("or", "replace");
        if (c.word("temp") || c.word("temporary") || c.word("local")) {
            return;
        }
        // An unlogged table (PostgreSQL's, for staging) and an external one are tables all the same.
        c.word("unlogged");
        c.word("external");
        boolean view = false;
        if (c.word("materialized")) {
            view = c.word("view");
        } else if (c.word("view")) {
            view = true;
        } else if (!c.word("table")) {
            return;
        }
        c.words("if", "not", "exists");
        Optional<TableName> name = c.name();
        if (name.isEmpty()) {
            return;
        }
        if (!replaces && catalog.find(name.get()).filter(t -> t.table().key().equals(name.get().key())).isPresent()) {
            // The table exists: IF NOT EXISTS leaves it as it is, and a plain CREATE fails on the
            // server (another story's is E0608). Either way its columns stay the first script's,
            // or every use of the owner's columns would be misreported against the second.
            return;
        }
        List<String> explicit = null;
        if (c.peekPunct("(")) {
            if (view) {
                explicit = c.identifierList();
            } else {
                definitions(catalog, c, name.get(), script);
                return;
            }
        }
        // CREATE TABLE x AS / CREATE VIEW x AS: skip options such as WITH (...) or BACKUP NO up to
        // AS
        while (!c.done() && !c.peekWord("as")) {
            c.skip();
        }
        if (!c.word("as")) {
            return;
        }
        if (explicit != null) {
            catalog.put(name.get(), explicit, null, script);
            return;
        }
        List<String> columns = new ArrayList<>();
        String unknown = SelectList.read(c, columns);
        catalog.put(name.get(), columns, unknown, script);
    }

    /** Reads {@code (col type ..., CONSTRAINT ..., LIKE other)}. */
    static void definitions(ColumnCatalog catalog, SqlCursor c, TableName name, Script script) {
        c.punct("(");
        List<String> columns = new ArrayList<>();
        java.util.Map<String, String> types = new java.util.HashMap<>();
        String unknown = null;
        while (!c.done() && !c.peekPunct(")")) {
            Token first = c.peek();
            if (first.isWord("like")) {
                c.skip();
                Optional<TableName> like = c.name();
                Optional<ColumnCatalog.Columns> source = like.flatMap(l -> catalog.find(l));
                if (source.isPresent() && source.get().known()) {
                    columns.addAll(source.get().names());
                } else {
                    unknown =
                            "it is created LIKE "
                                    + like.map(TableName::text).orElse("another table")
                                    + ", whose columns are not known";
                }
            } else if (!isConstraint(first)) {
                Optional<String> column = SqlCursor.identifier(first);
                column.ifPresent(columns::add);
                c.skip();
                column.ifPresent(declared -> c.peekTypeWord().ifPresent(type -> types.put(declared, type)));
            }
            c.skipElement();
            c.punct(",");
        }
        catalog.put(name, columns, types, unknown, script);
    }

    static boolean isConstraint(Token token) {
        for (String word :
                List.of(
                        "constraint",
                        "primary",
                        "unique",
                        "foreign",
                        "check",
                        "exclude",
                        "distkey",
                        "sortkey")) {
            if (token.isWord(word)) {
                return true;
            }
        }
        return false;
    }
}
