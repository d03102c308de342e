package dev.storyc.phi;

import dev.storyc.check.TableName;
import java.util.List;
import java.util.Optional;

/**
 * What the column-flow analysis knows of the warehouse's tables: a table's columns, from the
 * schema scripts, when they are known. Resolving an unqualified column needs it when a query
 * joins several tables.
 */
@FunctionalInterface
public interface SqlColumns {
    /** Knows no table: every unqualified column may belong to any table in scope. */
    SqlColumns NONE = table -> Optional.empty();

    /**
     * Returns the table's columns in the order its schema script declares them, or empty when they
     * are not known. The order matters: a column-alias list ({@code FROM t AS x (a, b)}) renames
     * columns by position.
     */
    Optional<List<String>> of(TableName table);

    /**
     * Returns what a LookML view's {@code ${view.SQL_TABLE_NAME}} stands for in a derived table:
     * the view's {@code sql_table_name}, or (no table) its own derived table. Empty when no view
     * of that name is known, and then a column read through it cannot be followed.
     */
    default Optional<LookmlView> view(String name) {
        return Optional.empty();
    }

    /** A view's table: a warehouse table by name, or, when empty, a derived table. */
    record LookmlView(Optional<TableName> table) {}
}
