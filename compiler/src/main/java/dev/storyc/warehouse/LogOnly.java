package dev.storyc.warehouse;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;

/**
 * The diagnostics of an apply with {@code --log-only}, which records changes a database already
 * holds and runs none of their deploy scripts. A team adopting storyc on a warehouse that hand-run
 * migrations built needs it once, as sqitch users know {@code deploy --log-only}; everything it
 * refuses is something a recording could make untrue.
 */
public final class LogOnly {
    /** The event kind such a change is logged with, so the log tells it from a real deploy. */
    public static final String EVENT_KIND = "log-only";

    private LogOnly() {}

    /** A revert cannot be recorded: a change that leaves must run its revert script. */
    static Diagnostic refusedRevert(Action.Revert revert) {
        ChangeId id = revert.deployed().id();
        return Diagnostic.error(Code.LOG_ONLY_REVERT, Position.of(revert.deployed().storedRevertPath(), 1, 1),
                        "--log-only records changes without running them, and this apply would also revert `"
                                + id + "` (" + revert.reason().words()
                                + "), whose revert script must run")
                .withHint("run `storyc warehouse apply` without --log-only to revert it, then record the"
                        + " rest with --log-only");
    }

    /** A table the change's deploy script creates is not in the database. */
    public static Diagnostic missingTable(Action.Adopt adopt, CreatedTable table) {
        return Diagnostic.error(Code.LOG_ONLY_TABLE_MISSING, table.at(),
                        "--log-only would record `" + adopt.id() + "` as deployed, but the database has no"
                                + " table `" + table.name().key() + "`, which its deploy script creates")
                .withHint("deploy it with `storyc warehouse apply` without --log-only, or make the table"
                        + " by hand first; --log-only is for changes the database already holds");
    }
}
