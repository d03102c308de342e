package dev.storyc.check;

import dev.storyc.check.ColumnCatalog.Columns;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tables a {@link ColumnCatalog} holds, in the order their scripts last shaped them, and the
 * columns its scripts dropped or renamed that their table did not have. Tables are found by name
 * as SQL resolves one: the exact {@code schema.table} first, else the first table, in that
 * order, that the name {@linkplain TableName#refersTo refers to}.
 *
 * <p>Tables are also indexed by their own name, since a reference can only mean a table of the
 * same name: every {@code CREATE} asks whether its name already means a table, and scanning every
 * table for that made building the catalog quadratic in the tables (a tenth of a one-story-edit
 * compile at 1,000 stories). The order is kept so that a name two tables answer to resolves the
 * same way on every run, whatever the hash order of a JVM.
 */
final class ColumnTables {
    private final Map<String, Columns> byKey = new LinkedHashMap<>();
    /** The same tables by their own name, then key, each in the order of {@link #byKey}. */
    private final Map<String, Map<String, Columns>> byTable = new HashMap<>();
    /** The columns the scripts dropped or renamed that their table did not have, in script order. */
    private final java.util.List<MissingColumn> missing = new java.util.ArrayList<>();

    /** Returns the table a reference means, if there is one. */
    Optional<Columns> lookup(TableName reference) {
        Columns exact = byKey.get(reference.key());
        if (exact != null) {
            return Optional.of(exact);
        }
        Map<String, Columns> named = byTable.get(reference.table());
        return named == null ? Optional.empty()
                : named.values().stream().filter(c -> reference.refersTo(c.table())).findFirst();
    }

    /** Returns every table, in the order their scripts last shaped them. */
    Collection<Columns> values() {
        return Collections.unmodifiableCollection(byKey.values());
    }

    /** Returns the columns the scripts dropped or renamed that their table did not have then. */
    java.util.List<MissingColumn> missing() {
        return Collections.unmodifiableList(missing);
    }

    /** Records a column a script drops or renames that its table lacks; only while a catalog builds. */
    void missing(MissingColumn column) {
        missing.add(column);
    }

    /** Stores a table, replacing any table its name already means; only while a catalog builds. */
    void put(Columns columns) {
        remove(columns.table());
        String key = columns.table().key();
        byKey.put(key, columns);
        byTable.computeIfAbsent(columns.table().table(), table -> new LinkedHashMap<>())
                .put(key, columns);
    }

    /** Forgets the table a name means, if any; only while a catalog builds. */
    void remove(TableName name) {
        lookup(name).ifPresent(existing -> {
            String key = existing.table().key();
            byKey.remove(key);
            byTable.get(existing.table().table()).remove(key);
        });
    }
}
