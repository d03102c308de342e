package dev.storyc.db;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.warehouse.ChangeId;
import dev.storyc.warehouse.RevertReason;
import dev.storyc.warehouse.Script;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Explains a deploy, verify or revert script that the server rejected, at the line it rejected:
 * scripts run in one simple-protocol query each, so the server's error position counts characters
 * from the start of the script, and {@link Script#positionOf} turns it into the script's line.
 */
final class ScriptFailure {
    private ScriptFailure() {}


    /** A failure while applying: the change's transaction was rolled back. */
    static Diagnostic diagnostic(
            Code code, String what, ChangeId id, Script script, SQLException e, FailingStatement.Replay replay) {
        return diagnostic(code, what, id, script, e, replay, null,
                "the change was rolled back; the database is at the last change that succeeded");
    }

    /**
     * A stored revert script that failed while backing a story out, or while taking a later change
     * down for a rework. The registry's copy is what runs, so fixing the story's revert.sql changes
     * nothing until it is stored, which takes an apply that keeps the change: the way there has to
     * be said, or every later apply stops here.
     */
    static Diagnostic storedRevertFailure(ChangeId id, Script script, SQLException e, FailingStatement.Replay replay,
            RevertReason reason) {
        String replace;
        if (reason instanceof RevertReason.ForRework forRework) {
            // The change stays in the story; the rework's edit keeps every apply from storing it.
            replace = "undo the edit of `" + forRework.rework() + "` for now, fix the revert.sql of `" + id
                    + "`, compile and apply (the corrected script is stored), then edit `" + forRework.rework()
                    + "` again and rework";
        } else {
            String putBack = reason instanceof RevertReason.BackedOut
                    ? "put story `" + id.story() + "` back in the release"
                    // The story is still in the release; the change left it.
                    : "put the change back in story `" + id.story() + "` ("
                            + (id.change().equals("base") ? "schema/" : "schema/changes/NN-" + id.change() + "/")
                            + ")";
            replace = putBack + ", fix its revert.sql, compile and apply (the corrected script is stored), then"
                    + " take it out again";
        }
        return diagnostic(Code.REVERT_FAILED, "revert", id, script, e, replay, null,
                "the change was rolled back. The registry's stored copy of the revert script ran; to"
                        + " replace it, " + replace);
    }

    /**
     * The stored revert of a change being reworked. The rework took the story's own later changes
     * down first, but not the stories that require it: when the server says another object depends
     * on what the revert drops, those are the likely owners, and the way out is to back them out
     * for the rework, never CASCADE.
     */
    static Diagnostic reworkedRevertFailure(ChangeId id, Script script, SQLException e, FailingStatement.Replay replay,
            List<String> requiredBy) {
        boolean one = requiredBy.size() == 1;
        String dependency = requiredBy.isEmpty() ? null
                : "Another object depends on it. A rework reverts and deploys again the later changes of story `"
                        + id.story() + "`, but no other story's, and " + (one ? "story " : "stories ")
                        + requiredBy.stream().map(story -> "`" + story + "`").collect(Collectors.joining(", "))
                        + (one ? ", which requires it, is" : ", which require it, are") + " deployed. Back "
                        + (one ? "it" : "them") + " out first (compile without " + (one ? "it" : "them")
                        + " and apply: the stored reverts run), rework, then deploy " + (one ? "it" : "them")
                        + " again; do not add CASCADE, which would drop " + (one ? "its" : "their")
                        + " objects unannounced. ";
        return diagnostic(Code.REVERT_FAILED, "revert", id, script, e, replay, dependency,
                "the change was rolled back; the database is at the last change that succeeded");
    }

    /**
     * The new deploy of a rework, refused after the registry's stored revert ran without error. A
     * revert that did not undo the old deploy (a placeholder such as {@code SELECT 1}) leaves what
     * the new deploy then meets ("already exists"), and every retry runs the same stored copy: the
     * way out has to be said.
     */
    static Diagnostic reworkedDeployFailure(ChangeId id, Script script, SQLException e, FailingStatement.Replay replay) {
        return diagnostic(Code.DEPLOY_FAILED, "deploy", id, script, e, replay, null,
                "the change was rolled back. A rework first runs the revert script stored when the change"
                        + " was deployed; if what this deploy met is what the old deploy made, that revert does"
                        + " not undo it, and editing revert.sql changes nothing until it is stored: put the old"
                        + " deploy.sql back, fix revert.sql, apply (which stores it), then edit deploy.sql again"
                        + " and rework");
    }

    /**
     * The verify script of a change {@code --log-only} would record. No deploy ran, so "rolled
     * back" would send the user looking for a deploy to retry: what failed is the hand-built
     * table's agreement with the change, and nothing was recorded for it.
     */
    static Diagnostic adoptedVerifyFailure(ChangeId id, Script script, SQLException e, FailingStatement.Replay replay) {
        return diagnostic(Code.VERIFY_FAILED, "verify", id, script, e, replay, null,
                "--log-only ran no deploy: the tables are there, but the verify script fails on them, so"
                        + " the change was not recorded (the changes before it were). Make the database match"
                        + " the deploy script, or fix the verify script, and run the apply again");
    }

    /**
     * A failure of {@code warehouse verify}, which changes nothing: the deployed change no longer
     * passes its own check, so something changed the database since.
     */
    static Diagnostic verifyFailure(ChangeId id, Script script, SQLException e, FailingStatement.Replay replay) {
        return diagnostic(Code.VERIFY_FAILED, "verify", id, script, e, replay, null,
                "nothing was changed; the deployed change no longer passes its verify script, so"
                        + " the database was changed after it was deployed");
    }

    /**
     * The failure, placed where the server said, else where {@link FailingStatement} finds it on
     * {@code connection}, which must be outside the failed transaction.
     *
     * @param dependency what to say when another object depends on what the script drops, or null
     *     for the words that fit any script
     */
    private static Diagnostic diagnostic(Code code, String what, ChangeId id, Script script, SQLException e,
            FailingStatement.Replay replay, String dependency, String outcome) {
        ServerErrorMessage server =
                e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        int position = server == null ? 0 : server.getPosition();
        String message =
                server != null && server.getMessage() != null
                        ? server.getMessage()
                        : SqlFailures.serverText(e);
        StringBuilder hint = new StringBuilder();
        if (server != null && server.getDetail() != null) {
            hint.append(sentence(server.getDetail())).append(' ');
        }
        if (server != null && "2BP01".equals(server.getSQLState()) && dependency != null) {
            hint.append(dependency);
        } else if (server != null && "2BP01".equals(server.getSQLState())) {
            // The server says "Use DROP ... CASCADE", which would drop another story's objects
            // unannounced (check refuses it, E0643); the way out is the dependency (round 22).
            // Deploys (a column a view reads) meet it as well as reverts, so the words fit both.
            hint.append("Another object depends on it. If another story built that object, that story must"
                    + " list this one in requires (so it is reverted first); do not add CASCADE, which"
                    + " would drop it unannounced. ");
        } else if (server != null && server.getHint() != null) {
            hint.append(sentence(server.getHint())).append(' ');
        }
        // The server's detail and hint are sentences; storyc's outcome follows as one.
        hint.append(hint.length() == 0 ? outcome : Character.toUpperCase(outcome.charAt(0)) + outcome.substring(1));
        return Diagnostic.error(
                        code,
                        position > 0 ? script.positionOf(position)
                                : FailingStatement.locate(replay, script, e).orElse(script.positionOf(0)),
                        what
                                + " of `"
                                + id
                                + "` failed: "
                                + message
                                + ServerErrors.stateSuffix(e))
                .withHint(hint.toString());
    }

    /**
     * Returns a server's detail or hint ended as a sentence: PostgreSQL ends a hint with a period
     * but not every detail, and the two ran together ("... of table analytics.claims Use DROP ...").
     */
    static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() || ".!?".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0 ? trimmed : trimmed + ".";
    }
}
