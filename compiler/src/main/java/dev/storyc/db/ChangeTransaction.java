package dev.storyc.db;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.warehouse.Action;
import dev.storyc.warehouse.CreatedTable;
import dev.storyc.warehouse.DeployedChange;
import dev.storyc.warehouse.LogOnly;
import dev.storyc.warehouse.OutputPlan;
import dev.storyc.warehouse.PlannedChange;
import dev.storyc.warehouse.Script;
import dev.storyc.workspace.Sha256;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one action of a plan in one transaction that holds both its scripts and its registry rows,
 * so that a kill at any moment leaves the registry telling the truth about the schema. Kept apart
 * because which script failed, and so which code and line to report, is tracked only here.
 */
final class ChangeTransaction {
    private final WarehouseTarget target;
    private final ApplySession session;
    private final ApplyEvents events;

    ChangeTransaction(WarehouseTarget target, ApplySession session, ApplyEvents events) {
        this.target = target;
        this.session = session;
        this.events = events;
    }

    /**
     * Runs the action and commits, or rolls it back.
     *
     * @return the failing script's diagnostic, if a script failed
     * @throws DatabaseException when the connection is lost, or the registry rows fail
     */
    Optional<Diagnostic> run(Action action, OutputPlan output, String actor)
            throws DatabaseException {
        Steps steps = new Steps();
        long started = System.nanoTime();
        try {
            session.connection.setAutoCommit(false);
            if (action instanceof Action.Deploy deploy) {
                steps.run(deploy.change().deploy(), Code.DEPLOY_FAILED, "deploy");
                steps.verify(deploy.change());
                events.recordDeploy(deploy.change(), output, actor, "deploy",
                        deploy.again().orElse(null));
            } else if (action instanceof Action.Revert revert) {
                steps.run(storedRevert(revert.deployed()), Code.REVERT_FAILED, "revert");
                events.recordRevert(revert.deployed().id(), output, actor, "revert", revert.reason().words());
            } else if (action instanceof Action.Rework rework) {
                steps.run(storedRevert(rework.deployed()), Code.REVERT_FAILED, "revert");
                events.recordRevert(rework.id(), output, actor, "revert", "rework: the old text");
                steps.run(rework.change().deploy(), Code.DEPLOY_FAILED, "deploy");
                steps.verify(rework.change());
                events.recordDeploy(rework.change(), output, actor, "rework", null);
            } else if (action instanceof Action.Adopt adopt) {
                for (CreatedTable table : adopt.tables()) {
                    // Where the deploy would have created it: on its own search path, if it set one.
                    followSearchPath(table.searchPath());
                    session.count(1);
                    if (!Catalog.hasTable(session.connection, table.name())) {
                        session.rollbackAndAutoCommit();
                        return Optional.of(LogOnly.missingTable(adopt, table));
                    }
                }
                // The verify script runs on the path the deploy ends with, as it does after a deploy.
                followSearchPath(adopt.deploy().searchPathAtEnd());
                steps.verify(adopt.change());
                events.recordDeploy(adopt.change(), output, actor, LogOnly.EVENT_KIND, null);
            } else if (action instanceof Action.UpdateRevert update) {
                events.recordUpdateRevert(update.change(), output, actor);
            }
            session.count(1);
            session.connection.commit();
            session.autoCommit();
            // A script's SET outlives the transaction it committed in; a rolled-back one does not.
            session.execute("RESET ALL; " + SessionBounds.sql(target),
                    "resetting the session's settings after " + action.id());
            return Optional.empty();
        } catch (SQLException e) {
            session.rollbackAndAutoCommit();
            // With no script running (failing is null), storyc's own statement failed: its
            // position is in storyc's SQL, never a line of the user's file.
            Script failing = steps.failing;
            if (ServerErrors.isOperational(e) || failing == null) {
                throw SqlFailures.failed(e, "applying " + action.id() + " to " + target.describe());
            }
            var replay = new FailingStatement.Replay(session.connection, steps.ran, System.nanoTime() - started,
                    target.engine().identityReset());
            if (action instanceof Action.Revert revert) {
                return Optional.of(ScriptFailure.storedRevertFailure(action.id(), failing, e, replay,
                        revert.reason()));
            }
            if (action instanceof Action.Rework rework && steps.code == Code.REVERT_FAILED) {
                return Optional.of(ScriptFailure.reworkedRevertFailure(action.id(), failing, e, replay,
                        rework.requiredBy()));
            }
            if (action instanceof Action.Adopt) {
                return Optional.of(ScriptFailure.adoptedVerifyFailure(action.id(), failing, e, replay));
            }
            if (action instanceof Action.Rework && steps.code == Code.DEPLOY_FAILED) {
                return Optional.of(ScriptFailure.reworkedDeployFailure(action.id(), failing, e, replay));
            }
            return Optional.of(ScriptFailure.diagnostic(steps.code, steps.what, action.id(), failing, e, replay));
        } finally {
            session.autoCommit();
        }
    }

    /**
     * The user's scripts of one action, in order: which one is running, so a failure is reported
     * with its code ("deploy", "verify", "revert") and at its line, and which ran before it, for the
     * replay that places a failure without a position. Between scripts, while storyc writes its
     * own rows, nothing is running: a failure then is storyc's, never a line of the user's file.
     */
    private final class Steps {
        Script failing;
        Code code = Code.DEPLOY_FAILED;
        String what = "deploy";
        final List<Script> ran = new ArrayList<>();

        void run(Script script, Code failureCode, String failureWord) throws SQLException {
            failing = script;
            code = failureCode;
            what = failureWord;
            runUserScript(script, ran);
            failing = null;
        }

        /** Runs the change's verify script, when it has one. */
        void verify(PlannedChange change) throws SQLException {
            if (change.verify().isPresent()) {
                run(change.verify().get(), Code.VERIFY_FAILED, "verify");
            }
        }
    }

    /**
     * Runs one of the user's scripts, then gives the session back the identity it connected as:
     * a script's {@code SET ROLE} (common at the top of a migration) outlives it, and {@code RESET
     * ALL} leaves the role and the session authorization alone, so storyc's registry rows and every
     * later change of the apply ran as that role.
     */
    private void runUserScript(Script script, List<Script> ran) throws SQLException {
        session.runScript(script);
        ran.add(script);
        try (java.sql.Statement reset = session.connection.createStatement()) {
            session.count(1);
            reset.execute(target.engine().identityReset());
        }
    }

    /**
     * Runs a deploy script's own search-path statement, as written, inside the adoption's
     * transaction; the {@code RESET ALL} after the change undoes it, as it undoes a deploy's.
     */
    private void followSearchPath(Optional<String> statement) throws SQLException {
        if (statement.isPresent()) {
            try (java.sql.Statement set = session.connection.createStatement()) {
                session.count(1);
                set.execute(statement.get());
            }
        }
    }

    private static Script storedRevert(DeployedChange deployed) {
        return new Script(
                deployed.storedRevertPath(),
                deployed.revertScript(),
                Sha256.tagged(deployed.revertScript()));
    }
}
