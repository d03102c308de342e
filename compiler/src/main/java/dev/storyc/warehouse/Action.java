package dev.storyc.warehouse;

import java.util.List;
import java.util.Optional;

/**
 * One step of an apply, each run in its own transaction together with its registry rows, so that
 * the database is always at the last step that finished. A rework that takes a story's later
 * changes down and deploys them again is several steps, not one transaction: should one fail, the
 * registry records exactly the steps that committed, and the next apply plans the rest from there.
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

    /**
     * Runs a change's deploy script, then its verify script, and records it.
     *
     * @param afterRework the reworked change of its story, when the change was deployed before and
     *     is reverted by this apply to make way for that rework ({@link RevertReason.ForRework})
     */
    record Deploy(PlannedChange change, Optional<ChangeId> afterRework) implements Forward {
        /** A change the database does not have yet. */
        public Deploy(PlannedChange change) {
            this(change, Optional.empty());
        }

        /**
         * Returns why a change that was deployed before is deployed again, in the words of the plan
         * and the event log; empty for a new change.
         */
        public Optional<String> again() {
            return afterRework.map(rework -> "deployed again after the rework of " + rework);
        }
    }

    /**
     * Runs the registry's stored revert text of a deployed change, and forgets it: a change the plan
     * no longer holds, or a later change of a story that a rework takes down until the reworked
     * change is deployed again.
     */
    record Revert(DeployedChange deployed, RevertReason reason) implements Action {
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
     * revert text, then deploys the new text, in one transaction. The story's later changes that are
     * deployed are reverted before it and deployed again after it, as steps of their own.
     *
     * @param requiredBy the other stories, sorted, with changes deployed that require this change's
     *     story. A rework does not take them down: their objects may depend on what its stored
     *     revert drops, and the server then refuses the revert, which is the safe end, so a failure
     *     names them
     */
    record Rework(DeployedChange deployed, PlannedChange change, List<String> requiredBy) implements Forward {
        public Rework {
            requiredBy = List.copyOf(requiredBy);
        }
    }

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
