package dev.storyc.db;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.warehouse.Action;
import dev.storyc.warehouse.ApplyPlan;
import dev.storyc.warehouse.DeployedChange;
import dev.storyc.warehouse.OutputPlan;
import dev.storyc.warehouse.PlannedChange;
import dev.storyc.warehouse.RegistryState;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs an {@link ApplyPlan} against one warehouse: under an advisory lock, one transaction per step
 * holding both the step's scripts and its registry rows, so that a kill at any moment leaves the
 * registry telling the truth about the schema (PostgreSQL's DDL is transactional). It stops at the
 * first failure, which it logs, and reports it at the script's line.
 *
 * <p>Scripts run as one simple-protocol query each: one round trip per script however many
 * statements it holds, and the server's error position counts from the script's first character.
 * Scripts therefore must not manage transactions themselves ({@code COMMIT}, {@code CREATE INDEX
 * CONCURRENTLY}); docs/warehouse.md says so.
 *
 * <p>This class is the public face and the order of steps; the lock is {@link ApplyLock}, one
 * change in its transaction is {@link ChangeTransaction}, the registry rows and events are {@link
 * ApplyEvents}, and the counted connection is {@link ApplySession}.
 */
public final class Applier implements AutoCloseable {
    /** Hears about each finished step, to print progress. */
    public interface Listener {
        void finished(Action action, Duration took);
    }

    /** What an apply did: the steps that finished, and the failure that stopped it, if any. */
    public record Outcome(List<Action> done, Optional<Diagnostic> failure) {}

    private final WarehouseTarget target;
    private final ApplySession session;
    private final Registry registry;
    private final ApplyLock lock;

    private Applier(WarehouseTarget target, Connection connection) {
        this.target = target;
        this.session = new ApplySession(connection);
        this.registry = new Registry(connection, target);
        this.lock = new ApplyLock(target, session);
    }

    /** Connects to the target's warehouse. */
    public static Applier connect(WarehouseTarget target) throws DatabaseException {
        Properties properties = new Properties();
        properties.setProperty("preferQueryMode", "simple");
        return new Applier(target, Connector.open(target, properties));
    }

    public Registry registry() {
        return registry;
    }

    /**
     * Returns the number of statements sent so far (each one network round trip), for measurements.
     */
    public long statements() {
        return session.statements();
    }

    /**
     * Takes the apply lock of this database's registry, waiting up to the lock timeout for another
     * apply to finish.
     *
     * @throws DatabaseException naming the session that holds it, when the wait times out
     */
    public void lock() throws DatabaseException {
        lock.take();
    }

    /** Reads the registry: one query. */
    public RegistryState readRegistry() throws DatabaseException {
        session.count(1);
        return registry.read();
    }

    /**
     * Runs the plan's steps in order; stops at the first failing script. Creates the registry and
     * the environment's schema first when they are missing.
     *
     * @param state the registry as read under this applier's lock
     */
    public Outcome apply(
            OutputPlan output,
            ApplyPlan plan,
            RegistryState state,
            String actor,
            String storycVersion,
            Listener listener)
            throws DatabaseException {
        if (!lock.held()) {
            throw new IllegalStateException("apply without the lock");
        }
        List<Action> done = new ArrayList<>();
        if (plan.actions().isEmpty()) {
            return new Outcome(done, Optional.empty());
        }
        if (state.version() == 0) {
            session.count(5);
            registry.create(storycVersion);
        }
        // Only when missing: IF NOT EXISTS needs the privilege to create in the database even when
        // a DBA made the schema for storyc's deploy role (round 17). An unquoted name, folded.
        boolean present;
        try {
            present = Catalog.hasSchema(session.connection, target.schema().toLowerCase(java.util.Locale.ROOT));
        } catch (SQLException e) {
            throw SqlFailures.failed(e, "looking for the schema " + target.schema());
        }
        if (!present) {
            session.execute(
                    "CREATE SCHEMA IF NOT EXISTS " + target.schema(),
                    "creating the schema " + target.schema());
        }
        ApplyEvents events = new ApplyEvents(session, registry, state.lastEvent());
        ChangeTransaction changes = new ChangeTransaction(target, session, events);
        for (Action action : plan.actions()) {
            long started = System.nanoTime();
            Optional<Diagnostic> failure = changes.run(action, output, actor);
            if (failure.isPresent()) {
                events.logFailure(action, output, actor, failure.get());
                return new Outcome(done, failure);
            }
            done.add(action);
            listener.finished(action, Duration.ofNanos(System.nanoTime() - started));
        }
        return new Outcome(done, Optional.empty());
    }

    /**
     * Runs the verify script of every planned change that is deployed with the planned text, each
     * in a transaction that is rolled back, so verifying never changes anything.
     */
    public List<Diagnostic> verify(OutputPlan output, RegistryState state)
            throws DatabaseException {
        List<Diagnostic> failures = new ArrayList<>();
        for (PlannedChange change : output.changes()) {
            Optional<DeployedChange> deployed = state.find(change.id());
            if (change.verify().isEmpty()
                    || deployed.isEmpty()
                    || !deployed.get().deployHash().equals(change.deploy().hash())) {
                continue;
            }
            long started = System.nanoTime();
            try {
                session.connection.setAutoCommit(false);
                session.runScript(change.verify().get());
            } catch (SQLException e) {
                if (ServerErrors.isOperational(e)) {
                    session.rollbackAndAutoCommit();
                    throw SqlFailures.failed(e, "verifying " + change.id());
                }
                session.rollbackAndAutoCommit();
                failures.add(ScriptFailure.verifyFailure(change.id(), change.verify().get(), e,
                        new FailingStatement.Replay(session.connection, List.of(), System.nanoTime() - started,
                                target.engine().identityReset())));
            } finally {
                session.rollbackAndAutoCommit();
            }
        }
        return failures;
    }

    /**
     * Returns the advisory lock key of a registry: a hash of its schema's name, so that two
     * registries in one database never share a lock. Public for operators' and tests' scripts.
     */
    public static long lockKey(String registrySchema) {
        return ApplyLock.key(registrySchema);
    }

    @Override
    public void close() {
        try {
            lock.release();
            session.connection.close();
        } catch (SQLException ignored) {
            // Closing the session releases its locks anyway.
        }
    }
}
