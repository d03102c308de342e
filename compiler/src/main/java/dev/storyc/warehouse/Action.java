package dev.storyc.warehouse;

/**
 * One step of an apply, each run in its own transaction together with its registry rows, so that
 * the database is always at the last step that finished.
 */
public sealed interface Action {
    /** Returns the change the step is about. */
    ChangeId id();

    /** Runs a change's deploy script, then its verify script, and records it. */
    record Deploy(PlannedChange change) implements Action {
        @Override
        public ChangeId id() {
            return change.id();
        }
    }

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
    }

    /**
     * In a development environment, with {@code --rework}: reverts an edited change with its stored
     * revert text, then deploys the new text, in one transaction.
     */
    record Rework(DeployedChange deployed, PlannedChange change) implements Action {
        @Override
        public ChangeId id() {
            return change.id();
        }
    }

    /** Stores a deployed change's corrected revert script; its deploy script is unchanged. */
    record UpdateRevert(DeployedChange deployed, PlannedChange change) implements Action {
        @Override
        public ChangeId id() {
            return change.id();
        }
    }
}
