package dev.storyc.db;

import dev.storyc.diag.Diagnostic;
import dev.storyc.warehouse.Action;
import dev.storyc.warehouse.ChangeId;
import dev.storyc.warehouse.OutputPlan;
import dev.storyc.warehouse.PlannedChange;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes the registry's rows for an apply: each finished change's row together with its event, and
 * the event of a failure. Events are numbered here, by the one apply that holds the lock, so the
 * numbering has one owner; the change rows go in the change's own transaction, the failure after
 * its rollback.
 */
final class ApplyEvents {
    private final ApplySession session;
    private final Registry registry;

    /** The last event number used. */
    private long lastEvent;

    ApplyEvents(ApplySession session, Registry registry, long lastEvent) {
        this.session = session;
        this.registry = registry;
        this.lastEvent = lastEvent;
    }

    /**
     * Records a deployed change and its event.
     *
     * @param message why, when the kind does not say it all (a change deployed again after a
     *     rework took it down); null otherwise
     */
    void recordDeploy(PlannedChange change, OutputPlan output, String actor, String kind, String message)
            throws SQLException {
        try (PreparedStatement insert =
                session.connection.prepareStatement(registry.recordDeploySql())) {
            int i = 0;
            insert.setLong(++i, ++lastEvent);
            insert.setString(++i, kind);
            insert.setString(++i, change.id().story());
            insert.setString(++i, change.id().change());
            insert.setString(++i, change.deploy().hash());
            insert.setString(++i, output.commit());
            insert.setString(++i, output.environmentHash());
            insert.setString(++i, actor);
            insert.setString(++i, message);
            insert.setString(++i, change.id().story());
            insert.setString(++i, change.id().change());
            insert.setString(++i, String.join(" ", change.requires()));
            insert.setString(++i, change.deploy().hash());
            insert.setString(++i, change.revert().hash());
            insert.setString(++i, change.revert().text());
            insert.setString(++i, actor);
            insert.setString(++i, output.commit());
            insert.setString(++i, output.environmentHash());
            session.count(1);
            insert.executeUpdate();
        }
    }

    void recordRevert(ChangeId id, OutputPlan output, String actor, String kind, String message)
            throws SQLException {
        try (PreparedStatement delete =
                session.connection.prepareStatement(registry.recordRevertSql())) {
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
            session.count(1);
            delete.executeUpdate();
        }
    }

    void recordUpdateRevert(PlannedChange change, OutputPlan output, String actor)
            throws SQLException {
        try (PreparedStatement update =
                session.connection.prepareStatement(registry.updateRevertSql())) {
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
            session.count(1);
            update.executeUpdate();
        }
    }

    /** Logs the failure of an action, whose transaction is already rolled back. */
    void logFailure(Action action, OutputPlan output, String actor, Diagnostic failure)
            throws DatabaseException {
        try (PreparedStatement insert = session.connection.prepareStatement(registry.eventSql())) {
            int i = 0;
            insert.setLong(++i, ++lastEvent);
            insert.setString(++i, "fail");
            insert.setString(++i, action.id().story());
            insert.setString(++i, action.id().change());
            insert.setString(++i, action.deployHash());
            insert.setString(++i, output.commit());
            insert.setString(++i, output.environmentHash());
            insert.setString(++i, actor);
            insert.setString(++i, failure.position() + ": " + failure.message());
            session.count(1);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.failed(e, "logging the failure of " + action.id());
        }
    }
}
