package dev.storyc.db;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.warehouse.Action;
import dev.storyc.warehouse.ApplyPlan;
import dev.storyc.warehouse.ChangeId;
import dev.storyc.warehouse.DeployedChange;
import dev.storyc.warehouse.OutputPlan;
import dev.storyc.warehouse.PlannedChange;
import dev.storyc.warehouse.RegistryState;
import dev.storyc.warehouse.Script;
import dev.storyc.workspace.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 */
public final class Applier implements AutoCloseable {
    /** Hears about each finished step, to print progress. */
    public interface Listener {
        void finished(Action action, Duration took);
    }

    /** What an apply did: the steps that finished, and the failure that stopped it, if any. */
    public record Outcome(List<Action> done, Optional<Diagnostic> failure) {}

    private final WarehouseTarget target;
    private final Connection connection;
    private final Registry registry;
    private long statements;
    private boolean locked;

    /** The last event number used; events are numbered by the one apply that holds the lock. */
    private long lastEvent;

    private Applier(WarehouseTarget target, Connection connection) {
        this.target = target;
        this.connection = connection;
        this.registry = new Registry(connection, target);
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
        return statements;
    }

    /**
     * Takes the apply lock of this database's registry, waiting up to the lock timeout for another
     * apply to finish.
     *
     * @throws DatabaseException naming the session that holds it, when the wait times out
     */
    public void lock() throws DatabaseException {
        if (!target.engine().hasAdvisoryLocks()) {
            throw new DatabaseException(
                    DatabaseException.Kind.OTHER,
                    "storyc warehouse apply needs PostgreSQL's advisory locks, and "
                            + target.environment()
                            + " is a "
                            + target.engine().spelling()
                            + " warehouse",
                    "this version of storyc applies to PostgreSQL only; plan and status work"
                        + " everywhere",
                    "");
        }
        long deadline = System.nanoTime() + target.timeouts().lock().toNanos();
        try (PreparedStatement take =
                connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            take.setLong(1, lockKey());
            while (true) {
                statements++;
                try (ResultSet rows = take.executeQuery()) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        locked = true;
                        return;
                    }
                }
                if (System.nanoTime() >= deadline) {
                    throw lockTimeout();
                }
                Thread.sleep(200);
            }
        } catch (SQLException e) {
            throw SqlFailures.failed(e, "taking the apply lock of " + target.describe());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException(
                    DatabaseException.Kind.LOCK_TIMEOUT,
                    "interrupted while waiting for the" + " apply lock of " + target.environment(),
                    "",
                    "");
        }
    }

    /** Reads the registry: one query. */
    public RegistryState readRegistry() throws DatabaseException {
        statements++;
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
        if (!locked) {
            throw new IllegalStateException("apply without the lock");
        }
        List<Action> done = new ArrayList<>();
        if (plan.actions().isEmpty()) {
            return new Outcome(done, Optional.empty());
        }
        if (state.version() == 0) {
            statements += 5;
            registry.create(storycVersion);
        }
        execute(
                "CREATE SCHEMA IF NOT EXISTS " + target.schema(),
                "creating the schema " + target.schema());
        lastEvent = state.lastEvent();
        for (Action action : plan.actions()) {
            long started = System.nanoTime();
            Optional<Diagnostic> failure = run(action, output, actor);
            if (failure.isPresent()) {
                logFailure(action, output, actor, failure.get());
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
            try {
                connection.setAutoCommit(false);
                runScript(change.verify().get());
            } catch (SQLException e) {
                if (ScriptFailure.isConnectionLoss(e)) {
                    throw SqlFailures.failed(e, "verifying " + change.id());
                }
                failures.add(
                        ScriptFailure.diagnostic(
                                Code.VERIFY_FAILED,
                                "verify",
                                change.id(),
                                change.verify().get(),
                                e));
            } finally {
                rollbackAndAutoCommit();
            }
        }
        return failures;
    }

    private Optional<Diagnostic> run(Action action, OutputPlan output, String actor)
            throws DatabaseException {
        Script failing = null;
        Code code = Code.DEPLOY_FAILED;
        String what = "deploy";
        try {
            connection.setAutoCommit(false);
            if (action instanceof Action.Deploy deploy) {
                failing = deploy.change().deploy();
                runScript(failing);
                if (deploy.change().verify().isPresent()) {
                    failing = deploy.change().verify().get();
                    code = Code.VERIFY_FAILED;
                    what = "verify";
                    runScript(failing);
                }
                recordDeploy(deploy.change(), output, actor, "deploy");
            } else if (action instanceof Action.Revert revert) {
                failing = storedRevert(revert.deployed());
                code = Code.REVERT_FAILED;
                what = "revert";
                runScript(failing);
                recordRevert(
                        revert.deployed().id(),
                        output,
                        actor,
                        "revert",
                        revert.pendingInPlan() ? "backed out" : "not in the plan");
            } else if (action instanceof Action.Rework rework) {
                failing = storedRevert(rework.deployed());
                code = Code.REVERT_FAILED;
                what = "revert";
                runScript(failing);
                recordRevert(rework.id(), output, actor, "revert", "rework: the old text");
                failing = rework.change().deploy();
                code = Code.DEPLOY_FAILED;
                what = "deploy";
                runScript(failing);
                if (rework.change().verify().isPresent()) {
                    failing = rework.change().verify().get();
                    code = Code.VERIFY_FAILED;
                    what = "verify";
                    runScript(failing);
                }
                recordDeploy(rework.change(), output, actor, "rework");
            } else if (action instanceof Action.UpdateRevert update) {
                recordUpdateRevert(update.change(), output, actor);
            }
            statements++;
            connection.commit();
            return Optional.empty();
        } catch (SQLException e) {
            rollbackAndAutoCommit();
            if (ScriptFailure.isConnectionLoss(e) || failing == null) {
                throw SqlFailures.failed(e, "applying " + action.id() + " to " + target.describe());
            }
            return Optional.of(ScriptFailure.diagnostic(code, what, action.id(), failing, e));
        } finally {
            autoCommit();
        }
    }

    private static Script storedRevert(DeployedChange deployed) {
        return new Script(
                storedRevertPath(deployed.id()),
                deployed.revertScript(),
                Sha256.tagged(deployed.revertScript()));
    }

    /**
     * Returns the name messages give a revert script read from the registry, such as {@code
     * registry:care-gaps/base/revert.sql}: no output commit may hold it any more.
     */
    public static String storedRevertPath(ChangeId id) {
        return "registry:" + id + "/revert.sql";
    }

    private void runScript(Script script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            statements++;
            statement.execute(script.text());
        }
    }

    private void recordDeploy(PlannedChange change, OutputPlan output, String actor, String kind)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(registry.recordDeploySql())) {
            int i = 0;
            insert.setLong(++i, ++lastEvent);
            insert.setString(++i, kind);
            insert.setString(++i, change.id().story());
            insert.setString(++i, change.id().change());
            insert.setString(++i, change.deploy().hash());
            insert.setString(++i, output.commit());
            insert.setString(++i, output.environmentHash());
            insert.setString(++i, actor);
            insert.setString(++i, null);
            insert.setString(++i, change.id().story());
            insert.setString(++i, change.id().change());
            insert.setString(++i, String.join(" ", change.requires()));
            insert.setString(++i, change.deploy().hash());
            insert.setString(++i, change.revert().hash());
            insert.setString(++i, change.revert().text());
            insert.setString(++i, actor);
            insert.setString(++i, output.commit());
            insert.setString(++i, output.environmentHash());
            statements++;
            insert.executeUpdate();
        }
    }

    private void recordRevert(
            ChangeId id, OutputPlan output, String actor, String kind, String message)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(registry.recordRevertSql())) {
            int i = 0;
            delete.setString(++i, id.story());
            delete.setString(++i, id.change());
            delete.setLong(++i, ++lastEvent);
            delete.setString(++i, kind);
            delete.setString(++i, id.story());
            delete.setString(++i, id.change());
            delete.setString(++i, output.commit());
            delete.setString(++i, output.environmentHash());
            delete.setString(++i, actor);
            delete.setString(++i, message);
            statements++;
            delete.executeUpdate();
        }
    }

    private void recordUpdateRevert(PlannedChange change, OutputPlan output, String actor)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(registry.updateRevertSql())) {
            int i = 0;
            update.setString(++i, change.revert().text());
            update.setString(++i, change.revert().hash());
            update.setString(++i, change.id().story());
            update.setString(++i, change.id().change());
            update.setLong(++i, ++lastEvent);
            update.setString(++i, "update-revert");
            update.setString(++i, change.id().story());
            update.setString(++i, change.id().change());
            update.setString(++i, output.commit());
            update.setString(++i, output.environmentHash());
            update.setString(++i, actor);
            update.setString(++i, "stored the corrected revert script");
            statements++;
            update.executeUpdate();
        }
    }

    private void logFailure(Action action, OutputPlan output, String actor, Diagnostic failure)
            throws DatabaseException {
        String deployHash =
                action instanceof Action.Deploy deploy
                        ? deploy.change().deploy().hash()
                        : action instanceof Action.Rework rework
                                ? rework.change().deploy().hash()
                                : action instanceof Action.Revert revert
                                        ? revert.deployed().deployHash()
                                        : ((Action.UpdateRevert) action).deployed().deployHash();
        try (PreparedStatement insert = connection.prepareStatement(registry.eventSql())) {
            int i = 0;
            insert.setLong(++i, ++lastEvent);
            insert.setString(++i, "fail");
            insert.setString(++i, action.id().story());
            insert.setString(++i, action.id().change());
            insert.setString(++i, deployHash);
            insert.setString(++i, output.commit());
            insert.setString(++i, output.environmentHash());
            insert.setString(++i, actor);
            insert.setString(++i, failure.position() + ": " + failure.message());
            statements++;
            insert.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.failed(e, "logging the failure of " + action.id());
        }
    }

    private void execute(String sql, String doing) throws DatabaseException {
        try (Statement statement = connection.createStatement()) {
            statements++;
            statement.execute(sql);
        } catch (SQLException e) {
            throw SqlFailures.failed(e, doing);
        }
    }

    private DatabaseException lockTimeout() {
        String holder = "another session";
        String sql =
                "SELECT a.pid, a.usename, a.application_name, a.client_addr, a.backend_start FROM"
                    + " pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype ="
                    + " 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid ="
                    + " 1";
        try (PreparedStatement who = connection.prepareStatement(sql)) {
            long key = lockKey();
            who.setLong(1, key >>> 32);
            who.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rows = who.executeQuery()) {
                if (rows.next()) {
                    holder =
                            "session "
                                    + rows.getInt(1)
                                    + " of "
                                    + rows.getString(2)
                                    + (rows.getString(3) == null || rows.getString(3).isEmpty()
                                            ? ""
                                            : " (" + rows.getString(3) + ")")
                                    + (rows.getString(4) == null
                                            ? ""
                                            : " from " + rows.getString(4))
                                    + " since "
                                    + rows.getTimestamp(5).toInstant();
                }
            }
        } catch (SQLException e) {
            // Only the holder's description is lost; the timeout is still the message.
        }
        return new DatabaseException(
                DatabaseException.Kind.LOCK_TIMEOUT,
                "another apply is running on "
                        + target.describe()
                        + ": "
                        + holder
                        + " holds the apply lock, and"
                        + " it was not released within "
                        + target.timeouts().lock().toSeconds()
                        + " s",
                "let it finish and run apply again (it will find nothing left to do, or continue),"
                    + " or raise the setting warehouse.lock_timeout",
                "55P03");
    }

    private long lockKey() {
        return lockKey(target.registrySchema());
    }

    /**
     * Returns the advisory lock key of a registry: a hash of its schema's name, so that two
     * registries in one database never share a lock. Public for operators' and tests' scripts.
     */
    public static long lockKey(String registrySchema) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(
                                    ("storyc-apply:" + registrySchema)
                                            .getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xFF);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void rollbackAndAutoCommit() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // The connection is gone; the server rolls the transaction back itself.
        }
        autoCommit();
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // Reported by the next statement, if the connection is gone.
        }
    }

    @Override
    public void close() {
        try {
            if (locked) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock_all()");
                }
            }
            connection.close();
        } catch (SQLException ignored) {
            // Closing the session releases its locks anyway.
        }
    }
}
