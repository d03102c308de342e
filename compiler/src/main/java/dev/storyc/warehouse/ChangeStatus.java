package dev.storyc.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line of {@code storyc warehouse status}: a change of the output plan or of the registry, and
 * where it stands.
 *
 * @param deployed the registry's record, when the change is deployed
 */
public record ChangeStatus(ChangeId id, State state, Optional<DeployedChange> deployed) {
    /** Where a change stands, comparing the output plan with the registry. */
    public enum State {
        /** Planned and deployed with the planned text. */
        DEPLOYED,
        /** Planned, not deployed yet. */
        PENDING,
        /** Deployed, and the plan now has another text for it. */
        EDITED,
        /** Deployed, and the plan lists it as backed out: apply reverts it. */
        PENDING_REVERT,
        /** Deployed, and the plan does not know it at all: apply reverts it. */
        DRIFT;

        /** Returns the spelling shown in text and JSON, such as {@code pending-revert}. */
        public String spelling() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Returns every change of the plan, in plan order, then those only the registry knows. */
    public static List<ChangeStatus> of(OutputPlan output, RegistryState registry) {
        Map<ChangeId, DeployedChange> deployed = registry.byId();
        List<ChangeStatus> rows = new ArrayList<>();
        for (PlannedChange change : output.changes()) {
            DeployedChange current = deployed.remove(change.id());
            State state =
                    current == null
                            ? State.PENDING
                            : current.deployHash().equals(change.deploy().hash())
                                    ? State.DEPLOYED
                                    : State.EDITED;
            rows.add(new ChangeStatus(change.id(), state, Optional.ofNullable(current)));
        }
        for (DeployedChange gone : Planner.revertOrder(List.copyOf(deployed.values()))) {
            State state =
                    output.pendingReverts().contains(gone.id())
                            ? State.PENDING_REVERT
                            : State.DRIFT;
            rows.add(new ChangeStatus(gone.id(), state, Optional.of(gone)));
        }
        return rows;
    }

    /**
     * Returns one word per story for a matrix of environments: {@code deployed} (every planned
     * change, with the planned text), {@code pending} (none yet), {@code partial}, {@code edited}
     * (a deployed change has new text) or {@code revert} (deployed, but the plan no longer holds
     * it).
     */
    public static Map<String, String> byStory(List<ChangeStatus> rows) {
        Map<String, List<State>> states = new java.util.TreeMap<>();
        rows.forEach(
                row ->
                        states.computeIfAbsent(row.id().story(), s -> new ArrayList<>())
                                .add(row.state()));
        Map<String, String> words = new java.util.TreeMap<>();
        states.forEach((story, list) -> words.put(story, word(list)));
        return words;
    }

    private static String word(List<State> states) {
        if (states.contains(State.EDITED)) {
            return "edited";
        }
        if (states.contains(State.PENDING_REVERT) || states.contains(State.DRIFT)) {
            return "revert";
        }
        if (states.stream().allMatch(state -> state == State.DEPLOYED)) {
            return "deployed";
        }
        return states.contains(State.DEPLOYED) ? "partial" : "pending";
    }
}
