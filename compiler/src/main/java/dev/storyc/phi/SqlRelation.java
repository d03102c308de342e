package dev.storyc.phi;

import dev.storyc.check.TableName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A relation a query's {@code FROM} names, under the alias it is known by: a table, a CTE or
 * subquery whose columns are followed to their tables, or something whose columns come from its
 * arguments (a set-returning function).
 */
public sealed interface SqlRelation {
    /** Returns the name columns are qualified with: the alias, else the table's own name. */
    String alias();

    /**
     * A table or view of the warehouse, with its columns when the schema scripts say.
     *
     * @param columns the names its columns are read by, in order, or empty when no script shows
     *     them (an external table)
     * @param renamed the table's own column behind each name a column-alias list gave ({@code
     *     FROM patients AS t (pid, m)} reads {@code mrn} as {@code t.m}); empty without a list
     */
    record Table(TableName name, String alias, Optional<List<String>> columns,
            Map<String, String> renamed) implements SqlRelation {
        public Table {
            columns = columns.map(List::copyOf);
            renamed = Map.copyOf(renamed);
        }

        public Table(TableName name, String alias, Optional<List<String>> columns) {
            this(name, alias, columns, Map.of());
        }

        /** Returns the table's own column that {@code name} reads. */
        public String ownColumn(String name) {
            return renamed.getOrDefault(name, name);
        }
    }

    /** A CTE or a subquery: its columns are its select list's. */
    record Derived(String alias, SqlShape shape) implements SqlRelation {}

    /**
     * A relation every column of which depends on the same arguments: {@code unnest(...)},
     * {@code generate_series(...)}, or a CTE that refers to itself.
     */
    record Computed(String alias, List<SqlColumnRead> reads, List<SqlOpaque> opaque)
            implements SqlRelation {
        public Computed {
            reads = List.copyOf(reads);
            opaque = List.copyOf(opaque);
        }
    }
}
