package dev.storyc.warehouse;

import dev.storyc.diag.Diagnostic;

import java.util.List;

/**
 * What an apply will do, decided before it touches anything: the steps in order, the changes that
 * are already in place, the back-outs that are already done, and the refusals. An apply with a
 * refusal runs no step at all.
 *
 * @param upToDate planned changes the registry has with the same deploy hash
 * @param revertedAlready pending reverts of the output plan that the registry no longer holds
 */
public record ApplyPlan(
        List<Action> actions,
        List<PlannedChange> upToDate,
        List<ChangeId> revertedAlready,
        List<Diagnostic> refusals) {
    public ApplyPlan {
        actions = List.copyOf(actions);
        upToDate = List.copyOf(upToDate);
        revertedAlready = List.copyOf(revertedAlready);
        refusals = List.copyOf(refusals);
    }

    /** Returns true when there is nothing to do and nothing refused. */
    public boolean isNoOp() {
        return actions.isEmpty() && refusals.isEmpty();
    }
}
