package dev.storyc.check;

import dev.storyc.check.ColumnCatalog.Script;
import dev.storyc.check.SqlLexer.Token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@code ALTER TABLE ... ADD / DROP / RENAME COLUMN} and {@code ALTER TABLE ... RENAME
 * TO} to a {@link ColumnCatalog}. Kept apart because it changes a table that already exists,
 * which is a different grammar and a different failure (an unknown table is left alone). A
 * column dropped without {@code IF EXISTS}, or renamed, that the table does not have is recorded
 * for {@link MissingColumns}: the statement fails on the server.
 */
final class AlterStatements {
    private AlterStatements() {}

    static void alter(ColumnCatalog catalog, SqlCursor c, Script script) {
        c.word("only");
        c.words("if", "exists");
        Optional<TableName> name = c.name();
        if (name.isEmpty()) {
            return;
        }
        Optional<ColumnCatalog.Columns> existing = catalog.find(name.get());
        if (c.word("rename")) {
            if (c.word("to")) {
                Optional<TableName> renamed = c.name();
                if (existing.isPresent() && renamed.isPresent()) {
                    catalog.remove(name.get());
                    TableName target =
                            renamed.get().schema().isPresent()
                                    ? renamed.get()
                                    : new TableName(
                                            withTable(
                                                    existing.get().table(), renamed.get().table()),
                                            renamed.get().text());
                    catalog.reshape(existing.get(), target, existing.get().names(), existing.get().types(), script);
                }
                return;
            }
            c.word("column");
            Token fromToken = c.done() ? null : c.peek();
            Optional<String> from = c.nextIdentifier();
            if (c.word("to") && existing.isPresent() && from.isPresent()) {
                Optional<String> to = c.nextIdentifier();
                List<String> names = new ArrayList<>(existing.get().names());
                java.util.Map<String, String> types = new java.util.HashMap<>(existing.get().types());
                int at = names.indexOf(from.get());
                if (at < 0) {
                    catalog.missing(existing.get(), script, fromToken, "renames");
                }
                if (at >= 0 && to.isPresent()) {
                    names.set(at, to.get());
                    String type = types.remove(from.get());
                    if (type != null) {
                        types.put(to.get(), type);
                    }
                }
                catalog.reshape(existing.get(), existing.get().table(), names, types, script);
            }
            return;
        }
        if (existing.isEmpty()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>(existing.get().names());
        java.util.Map<String, String> types = new java.util.HashMap<>(existing.get().types());
        do {
            if (c.word("add")) {
                c.word("column");
                c.words("if", "not", "exists");
                if (!c.peekWord("constraint")
                        && !c.peekWord("primary")
                        && !c.peekWord("unique")
                        && !c.peekWord("foreign")
                        && !c.peekWord("check")) {
                    Optional<String> added = c.nextIdentifier();
                    added.ifPresent(names::add);
                    added.ifPresent(column -> c.peekTypeWord().ifPresent(type -> types.put(column, type)));
                }
            } else if (c.word("drop")) {
                c.word("column");
                boolean ifExists = c.words("if", "exists");
                if (!c.peekWord("constraint") && !c.done()) {
                    Token token = c.peek();
                    Optional<String> dropped = c.nextIdentifier();
                    if (dropped.isPresent() && !names.remove(dropped.get()) && !ifExists) {
                        catalog.missing(existing.get(), script, token, "drops");
                    }
                }
            }
            while (!c.done() && !c.peekPunct(",")) {
                c.skipElement();
            }
        } while (c.punct(","));
        catalog.reshape(existing.get(), existing.get().table(), List.copyOf(names), types, script);
    }

    static List<String> withTable(TableName name, String table) {
        List<String> parts = new ArrayList<>(name.parts());
        parts.set(parts.size() - 1, table);
        return parts;
    }
}
