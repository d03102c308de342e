package dev.storyc.datatest;

import java.util.List;
import java.util.Objects;

/**
 * How one data test went.
 *
 * @param columns the failing rows' column names, when it failed
 * @param rows at most {@link #SHOWN} failing rows, each value as text ({@code NULL} for null)
 * @param rowCount how many rows the test returned in all
 * @param error the database's message when the test's SQL itself failed
 */
public record TestOutcome(
        DataTest test,
        Status status,
        List<String> columns,
        List<List<String>> rows,
        long rowCount,
        String error,
        long millis) {
    /** The most failing rows a report shows. */
    public static final int SHOWN = 10;

    /** Passed (no rows), failed (rows), or could not run. */
    public enum Status {
        PASSED,
        FAILED,
        ERROR
    }

    public TestOutcome {
        Objects.requireNonNull(test, "test");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        error = error == null ? "" : error;
    }
}
