package dev.storyc.phi;

import dev.storyc.check.TableName;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
     * @param columns the table's columns, or empty when no script shows them (an external table)
     */
    record Table(TableName name, String alias, Optional<Set<String>> columns)
            implements SqlRelation {
        public Table {
            columns = columns.map(Set::copyOf);
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
