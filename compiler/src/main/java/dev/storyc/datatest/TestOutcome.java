package dev.storyc.datatest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How one data test went.
 *
 * @param columns the failing rows' column names, when it failed
 * @param rows at most {@link #SHOWN} failing rows, each value as text, or Java's null for SQL's NULL
 *     (a text {@code 'NULL'} read the same as a NULL when nulls were written as that word)
 * @param rowCount how many rows the test returned in all
 * @param error the database's message when the test's SQL itself failed, or why storyc did not run
 *     a skipped test
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

    /** Passed (no rows), failed (rows), could not run, or not run by storyc. */
    public enum Status {
        PASSED,
        FAILED,
        ERROR,
        SKIPPED
    }

    public TestOutcome {
        Objects.requireNonNull(test, "test");
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
        error = error == null ? "" : error;
    }

    /**
     * Returns a test storyc does not run, and why: a key whose SQL holds Liquid, which only
     * Looker renders. It is counted and shown, never left out of the report unseen.
     */
    public static TestOutcome skipped(DataTest test, String reason) {
        return new TestOutcome(test, Status.SKIPPED, List.of(), List.of(), 0, reason, 0);
    }

    /** Returns true when the test found rows or could not run. */
    public boolean isProblem() {
        return status == Status.FAILED || status == Status.ERROR;
    }
}
