package dev.storyc.warehouse;

import java.util.List;

/**
 * One step of an apply, each run in its own transaction together with its registry rows, so that
 * the database is always at the last step that finished.
 */
public sealed interface Action {
    /** Returns the change the step is about. */
    ChangeId id();

    /** Returns the hash of the deploy script the step is about: the new one, or the deployed one. */
    String deployHash();

    /** A step that puts a planned change's new deploy text in place: deployed, reworked or recorded. */
    sealed interface Forward extends Action permits Deploy, Rework, Adopt {
        /** Returns the planned change whose deploy text the step puts in place. */
        PlannedChange change();

        @Override
        default ChangeId id() {
            return change().id();
        }

        @Override
        default String deployHash() {
            return change().deploy().hash();
        }
    }

    /** Runs a change's deploy script, then its verify script, and records it. */
    record Deploy(PlannedChange change) implements Forward {}

    /**
     * Runs the registry's stored revert text of a change the plan no longer holds, and forgets it.
     *
     * @param pendingInPlan true when the output plan lists it under {@code [[pending_revert]]} (a
     *     back-out); false when nothing in the plan knows it (drift, or a change removed from a
     *     story)
     */
    record Revert(DeployedChange deployed, boolean pendingInPlan) implements Action {
        @Override
        public ChangeId id() {
            return deployed.id();
        }

        @Override
        public String deployHash() {
            return deployed.deployHash();
        }
    }

    /**
     * In a development environment, with {@code --rework}: reverts an edited change with its stored
     * revert text, then deploys the new text, in one transaction.
     */
    record Rework(DeployedChange deployed, PlannedChange change) implements Forward {}

    /**
     * With {@code --log-only}: records a new change as deployed without running its deploy script,
     * for a database whose tables hand-run migrations already made. Its verify script still runs,
     * and every table its deploy script creates must already exist.
     *
     * @param deploy the persistent tables the deploy script creates, asked of the database first,
     *     and the search path its verify script runs on
     */
    record Adopt(PlannedChange change, CreatedTable.Footprint deploy) implements Forward {
        /** Returns the tables asked of the database. */
        public List<CreatedTable> tables() {
            return deploy.tables();
        }
    }

    /** Stores a deployed change's corrected revert script; its deploy script is unchanged. */
    record UpdateRevert(DeployedChange deployed, PlannedChange change) implements Action {
        @Override
        public ChangeId id() {
            return change.id();
        }

        @Override
        public String deployHash() {
            return deployed.deployHash();
        }
    }
}
