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
 * @param copied whether the value arrives unchanged: every item between the table and the stored
 *     column is a plain reference ({@code p.mrn}, {@code x.mrn AS m}), no expression
 */
public record SqlColumnRead(TableName table, String column, int start, int end,
        Optional<String> bareName, boolean copied) {
    public SqlColumnRead {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(bareName, "bareName");
    }

    /** Returns this read as seen from an item that is not a plain reference. */
    SqlColumnRead changed() {
        return copied ? new SqlColumnRead(table, column, start, end, bareName, false) : this;
    }
}
