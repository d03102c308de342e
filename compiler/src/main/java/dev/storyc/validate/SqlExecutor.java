package dev.storyc.validate;

import java.util.List;
import java.util.Optional;

/**
 * Runs validation queries against a database. The validator decides what to send; the database edge
 * ({@code db.LiveSqlValidator}) implements this over JDBC. Every call is one round trip.
 */
public interface SqlExecutor {
    /** Runs one query; returns how it failed, or empty when it ran. */
    Optional<SqlFailure> run(String sql);

    /**
     * Runs several queries in one round trip; returns true when all ran. When one fails, the caller
     * learns nothing about the others and runs them one by one.
     */
    boolean runAll(List<String> sqls);

    /**
     * A query's failure as the server reported it.
     *
     * @param position the 1-based character position the server blamed, or 0 when it named none
     */
    record SqlFailure(String message, int position, String sqlState) {}
}
