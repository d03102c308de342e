package dev.storyc.db;

import dev.storyc.datatest.DataTest;
import dev.storyc.datatest.TestOutcome;
import dev.storyc.validate.SqlExecutor;
import dev.storyc.warehouse.RegistryState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * One open connection to an environment's warehouse, for the run-time commands (etl, test,
 * validate): the CLI holds this, never a JDBC object, so that the driver stays behind the edge.
 * ({@code cli.WarehouseSession} is the warehouse commands' context; this is only a connection.)
 */
public final class WarehouseConnection implements AutoCloseable {
    private final Connection connection;
    private final WarehouseTarget target;

    private WarehouseConnection(Connection connection, WarehouseTarget target) {
        this.connection = connection;
        this.target = target;
    }

    /** Connects; see {@link Connector#open}. */
    public static WarehouseConnection open(WarehouseTarget target) throws DatabaseException {
        return new WarehouseConnection(Connector.open(target), target);
    }

    /** Returns what the registry says is deployed; empty when the database has no registry. */
    public RegistryState registry() throws DatabaseException {
        return new Registry(connection, target).read();
    }

    /**
     * Returns a runner that records its runs in the registry's run table, creating it if needed.
     */
    public EtlRunner etlRunner(Clock clock) throws DatabaseException {
        return new EtlRunner(connection, target, EtlRuns.open(connection, target), clock);
    }

    /** Returns the registry's run table, to read; a database that never ran a job has none. */
    public EtlRuns etlRuns() throws DatabaseException {
        return EtlRuns.existing(connection, target);
    }

    /** Runs data tests; see {@link DataTestRunner}. */
    public List<TestOutcome> test(List<DataTest> tests) throws DatabaseException {
        return DataTestRunner.run(connection, target, tests);
    }

    /** Returns an executor for the live validator. */
    public SqlExecutor validation() throws DatabaseException {
        return new JdbcSqlExecutor(connection, target);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // A connection that cannot close cleanly is gone already; the work was reported.
        }
    }
}
