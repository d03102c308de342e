package dev.storyc.phi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A column-alias list, {@code FROM patients AS t (pid, m)}: PostgreSQL renames the relation's
 * first columns in order, keeps the names of the rest, and from then on knows the renamed ones
 * only by their new names. Without this, {@code t.m} would be read as a column {@code m} that no
 * classification names, and {@code mrn} would reach the output untreated.
 */
final class SqlColumnAliases {
    private SqlColumnAliases() {}

    /**
     * Returns {@code relation} with its columns renamed by {@code names}. A table whose new names
     * cannot be lined up with its columns, or told apart, becomes a relation every column of which
     * is unknown: a protected value read through it is then refused (E1133), not guessed at. A
     * table whose columns no schema script shows (an external feed) is left as it is: a
     * classification names only columns a story's script creates, so nothing protected can come
     * from it, under its own names or new ones.
     *
     * @param written the alias and its list as written, for messages
     * @param offset where the list starts in the text
     */
    static SqlRelation rename(SqlRelation relation, List<String> names, String written,
            int offset) {
        if (names.isEmpty()) {
            return relation;
        }
        if (relation instanceof SqlRelation.Derived d) {
            return new SqlRelation.Derived(d.alias(), d.shape().renamed(names));
        }
        if (relation instanceof SqlRelation.Table table) {
            if (table.columns().isEmpty()) {
                return table;
            }
            return table(table, names).map(SqlRelation.class::cast).orElseGet(() ->
                    new SqlRelation.Computed(table.alias(), List.of(), List.of(
                            SqlOpaque.unbounded("the column aliases `" + written + "`, which"
                                    + " storyc cannot line up with the columns of `"
                                    + table.name().text() + "`", offset))));
        }
        // A set-returning function's columns all depend on its arguments, whatever their names.
        return relation;
    }

    private static Optional<SqlRelation.Table> table(SqlRelation.Table table, List<String> names) {
        if (names.size() > table.columns().get().size()) {
            return Optional.empty();
        }
        List<String> before = table.columns().get();
        List<String> visible = new ArrayList<>(names);
        visible.addAll(before.subList(names.size(), before.size()));
        if (new HashSet<>(visible).size() < visible.size()) {
            // Two columns under one name: PostgreSQL refuses to read it, so no mapping is right.
            return Optional.empty();
        }
        Map<String, String> renamed = new HashMap<>();
        for (int i = 0; i < visible.size(); i++) {
            String own = table.ownColumn(before.get(i));
            if (!own.equals(visible.get(i))) {
                renamed.put(visible.get(i), own);
            }
        }
        return Optional.of(new SqlRelation.Table(table.name(), table.alias(),
                Optional.of(visible), renamed));
    }
}
