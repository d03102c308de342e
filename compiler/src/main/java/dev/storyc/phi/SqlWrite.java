package dev.storyc.phi;

import dev.storyc.check.TableName;
import java.util.List;
import java.util.Optional;

/**
 * A SqlWrite is one statement that stores a query's result: what it writes into and which query
 * feeds it.
 *
 * @param kind the kind of statement
 * @param target the table or view written; empty for a bare query, whose target the ETL job names
 * @param offset where the statement starts in the text
 * @param columns the target columns the statement lists ({@code INSERT INTO t (a, b)}, {@code
 *     CREATE VIEW v (a, b)}, the columns an {@code UPDATE} sets), in order; empty when it lists
 *     none
 * @param shape the query that feeds it
 */
public record SqlWrite(Kind kind, Optional<TableName> target, int offset, List<String> columns,
        SqlShape shape) {
    public SqlWrite {
        columns = List.copyOf(columns);
    }

    /** What kind of statement writes. */
    public enum Kind {
        /** A bare query, as an ETL job in query mode runs it: loaded by column name. */
        QUERY,
        INSERT,
        CREATE_TABLE_AS,
        VIEW,
        SELECT_INTO,
        UPDATE
    }
}
