package dev.storyc.phi;

import dev.storyc.check.TableName;
import java.util.Objects;
import java.util.Optional;

/**
 * A SqlColumnRead is one place where SQL reads a column of a table (not of a CTE, a subquery or
 * an alias: those are followed to the table they come from).
 *
 * @param table the table, as the SQL names it
 * @param column the column, folded as PostgreSQL folds it
 * @param start where the reference starts in the SQL text ({@code p.mrn}, {@code mrn})
 * @param end where it ends (exclusive): a rewrite wraps exactly this text
 * @param bareName the output name to keep when the reference is a whole select item without an
 *     alias: wrapping {@code p.mrn} in a function would otherwise rename the column
 */
public record SqlColumnRead(TableName table, String column, int start, int end,
        Optional<String> bareName) {
    public SqlColumnRead {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(bareName, "bareName");
    }
}
