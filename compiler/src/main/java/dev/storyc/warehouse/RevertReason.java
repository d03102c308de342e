package dev.storyc.warehouse;

/**
 * Why an apply reverts a deployed change. The plan prints it, the registry's {@code revert} event
 * records it, and a failing stored revert is explained by it: the way to replace the stored script
 * differs for a change that left the output and one that a rework takes down for a while.
 */
public sealed interface RevertReason {
    /** Returns the reason in the words the plan and the registry's event log use. */
    String words();

    /** The output plan lists the change under {@code [[pending_revert]]}: its story was backed out. */
    record BackedOut() implements RevertReason {
        @Override
        public String words() {
            return "backed out";
        }
    }

    /** Nothing in the output plan knows the change: drift, or a change removed from its story. */
    record NotInPlan() implements RevertReason {
        @Override
        public String words() {
            return "not in the plan";
        }
    }

    /**
     * A later change of a story whose earlier change {@code rework} is reworked. Its objects sit on
     * what the rework's stored revert undoes (a column added to the table that revert drops), so it
     * is reverted first and deployed again after the rework, as {@code sqitch rebase} does; left in
     * place, the registry would call it deployed while the database no longer has it.
     */
    record ForRework(ChangeId rework) implements RevertReason {
        @Override
        public String words() {
            return "reverted to rework " + rework;
        }
    }
}
