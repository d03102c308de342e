package dev.storyc.db;

import dev.storyc.datatest.DataTest;
import dev.storyc.datatest.TestOutcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs data tests, each in a read-only transaction of its own that is rolled back, so a test can
 * never change the warehouse. A test that returns rows fails; the first {@link TestOutcome#SHOWN}
 * rows are kept, and the total is counted only when there are more.
 */
public final class DataTestRunner {
    private static final String COMMAND = "storyc test";

    private DataTestRunner() {}

    /**
     * Runs the tests in order; only a failure of the warehouse (a lost connection, a timeout) or
     * of the role's privileges stops the run.
     */
    public static List<TestOutcome> run(
            Connection connection, WarehouseTarget target, List<DataTest> tests)
            throws DatabaseException {
        List<TestOutcome> outcomes = new ArrayList<>();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
        } catch (SQLException e) {
            throw ReadOnlyFailures.failed(e, connection, target, COMMAND,
                    "preparing the test connection to " + target.environment());
        }
        for (DataTest test : tests) {
            long start = System.nanoTime();
            try {
                outcomes.add(one(connection, test, start));
            } catch (SQLException e) {
                if (ReadOnlyFailures.endsTheRun(e)) {
                    rollback(connection);
                    throw ReadOnlyFailures.failed(e, connection, target, COMMAND,
                            "running data test " + test.name());
                }
                outcomes.add(
                        new TestOutcome(
                                test.at(ServerErrors.position(e)),
                                TestOutcome.Status.ERROR,
                                List.of(),
                                List.of(),
                                0,
                                ServerErrors.message(e),
                                millisSince(start)));
            } finally {
                rollback(connection);
            }
        }
        return outcomes;
    }

    private static TestOutcome one(Connection connection, DataTest test, long start)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        long count = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(TestOutcome.SHOWN + 1);
            try (ResultSet result = statement.executeQuery(test.sql())) {
                ResultSetMetaData meta = result.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                }
                while (result.next()) {
                    count++;
                    if (rows.size() < TestOutcome.SHOWN) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= columns.size(); i++) {
                            row.add(result.getString(i));
                        }
                        rows.add(row);
                    }
                }
            }
            if (count > TestOutcome.SHOWN) {
                statement.setMaxRows(0);
                try (ResultSet total =
                        statement.executeQuery(
                                "SELECT COUNT(*) FROM (" + test.sql() + "\n) AS failing")) {
                    total.next();
                    count = total.getLong(1);
                }
            }
        }
        TestOutcome.Status status =
                count == 0 ? TestOutcome.Status.PASSED : TestOutcome.Status.FAILED;
        return new TestOutcome(
                test,
                status,
                count == 0 ? List.of() : columns,
                rows,
                count,
                "",
                millisSince(start));
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The next test's statement reports a connection that is really gone.
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
