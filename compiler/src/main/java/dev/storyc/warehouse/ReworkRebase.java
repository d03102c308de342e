package dev.storyc.warehouse;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a rework of one change moves besides the change itself. Its stored revert undoes the
 * change (often a {@code DROP TABLE}), and with it whatever the story's later changes built on it
 * (a column one of them added), so those are reverted first, newest first, with their own stored
 * reverts, and deployed again after it with their current text: {@code sqitch rebase}. Reworking
 * the change alone left them recorded as deployed while the database had lost them.
 *
 * <p>Other stories that require the story are not moved: a development database may hold their
 * data, and an object of theirs that depends on the dropped table makes the server refuse the
 * revert (storyc never adds {@code CASCADE}), which stops the apply safely. They are named, so the
 * plan and that failure can say who they are.
 *
 * @param takenDown the story's later changes that are deployed, in the order to revert them
 * @param requiredBy the other stories, sorted, with deployed changes that require the story and
 *     that the plan keeps
 */
record ReworkRebase(List<DeployedChange> takenDown, List<String> requiredBy) {
    ReworkRebase {
        takenDown = List.copyOf(takenDown);
        requiredBy = List.copyOf(requiredBy);
    }

    /**
     * Returns what reworking {@code reworked} moves.
     *
     * @param planned the output plan's changes, in plan order
     * @param deployed the registry's changes by id
     */
    static ReworkRebase of(
            PlannedChange reworked,
            List<PlannedChange> planned,
            Map<ChangeId, DeployedChange> deployed) {
        String story = reworked.id().story();
        // The story's order, not the deploy sequence: a later change is built on the earlier ones
        // whatever order a past apply ran them in.
        List<DeployedChange> later =
                planned.stream()
                        .filter(change -> change.id().story().equals(story))
                        .filter(change -> change.order() > reworked.order())
                        .sorted(Comparator.comparingInt(PlannedChange::order).reversed())
                        .map(change -> deployed.get(change.id()))
                        .filter(Objects::nonNull)
                        .toList();
        Set<ChangeId> kept =
                planned.stream().map(PlannedChange::id).collect(Collectors.toSet());
        List<String> requiredBy =
                deployed.values().stream()
                        .filter(change -> !change.id().story().equals(story))
                        .filter(change -> change.requires().contains(story))
                        .filter(change -> kept.contains(change.id()))
                        .map(change -> change.id().story())
                        .distinct()
                        .sorted()
                        .toList();
        return new ReworkRebase(later, requiredBy);
    }
}
