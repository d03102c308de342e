package dev.storyc.warehouse;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides an apply: the output plan against the registry's state, as a pure function. The order is
 * reverts first (changes the plan no longer holds, stories that require others before those they
 * require, a story's later changes before its earlier ones), then the plan's changes in plan order:
 * new ones deployed, edited ones refused or, in development with {@code --rework}, reworked.
 *
 * <p>A change is one unit, so reverting one change in the middle of a story leaves the changes
 * before and after it deployed; nothing else is rolled back with it. A rework is the exception:
 * its stored revert undoes what the story's later changes built on, so those are reverted just
 * before it and deployed again after it ({@link ReworkRebase}).
 */
public final class Planner {
    /**
     * Whether the environment may rework edited changes, whether the user asked to, and whether
     * new changes are only recorded ({@code --log-only}: adopting a database hand-run migrations
     * built).
     */
    public record Options(boolean development, boolean rework, boolean logOnly) {
        public Options(boolean development, boolean rework) {
            this(development, rework, false);
        }
    }

    private Planner() {}

    public static ApplyPlan plan(OutputPlan output, RegistryState registry, Options options) {
        Map<ChangeId, DeployedChange> deployed = registry.byId();
        Map<ChangeId, PlannedChange> planned = new LinkedHashMap<>();
        output.changes().forEach(change -> planned.put(change.id(), change));

        List<Action> actions = new ArrayList<>();
        List<Diagnostic> refusals = new ArrayList<>();
        for (DeployedChange gone :
                revertOrder(
                        deployed.values().stream()
                                .filter(change -> !planned.containsKey(change.id()))
                                .toList())) {
            Action.Revert revert = new Action.Revert(gone, output.pendingReverts().contains(gone.id())
                    ? new RevertReason.BackedOut() : new RevertReason.NotInPlan());
            if (options.logOnly()) {
                refusals.add(LogOnly.refusedRevert(revert));
            } else {
                actions.add(revert);
            }
        }
        List<PlannedChange> upToDate = new ArrayList<>();
        // Later changes a rework reverts, each with the reworked change it is deployed again after.
        Map<ChangeId, ChangeId> takenDown = new HashMap<>();
        for (PlannedChange change : output.changes()) {
            DeployedChange current = takenDown.containsKey(change.id()) ? null : deployed.get(change.id());
            if (current == null) {
                actions.add(options.logOnly()
                        ? new Action.Adopt(change, CreatedTable.footprint(change.deploy()))
                        : new Action.Deploy(change, Optional.ofNullable(takenDown.get(change.id()))));
            } else if (!current.deployHash().equals(change.deploy().hash())) {
                // --log-only runs no script, and a rework must run two: the command line refuses
                // both together, and so does the plan.
                if (options.development() && options.rework() && !options.logOnly()) {
                    ReworkRebase rebase = ReworkRebase.of(change, output.changes(), deployed);
                    for (DeployedChange later : rebase.takenDown()) {
                        actions.add(new Action.Revert(later, new RevertReason.ForRework(change.id())));
                        takenDown.put(later.id(), change.id());
                    }
                    actions.add(new Action.Rework(current, change, rebase.requiredBy()));
                } else {
                    refusals.add(edited(change, current, output.environmentHash(), options.development()));
                }
            } else if (!current.revertHash().equals(change.revert().hash())) {
                actions.add(new Action.UpdateRevert(current, change));
            } else {
                upToDate.add(change);
            }
        }
        if (!options.development()) {
            refusals.addAll(TablesRecreated.find(actions));
        }
        List<ChangeId> revertedAlready =
                output.pendingReverts().stream()
                        .filter(id -> !deployed.containsKey(id))
                        .sorted()
                        .toList();
        return new ApplyPlan(actions, upToDate, revertedAlready, refusals);
    }

    private static Diagnostic edited(
            PlannedChange change, DeployedChange current, String environmentHash, boolean development) {
        String deployedFrom = OutputPlan.shortId(current.outputCommit());
        // The story may be untouched: a value of environments.toml that the script renders changes
        // its text as surely as an edit does, and "undo the edit" would send the user to the wrong
        // file. The environment's hash says whether that can be the cause.
        boolean environmentChanged = !current.environmentHash().equals(environmentHash);
        String message = environmentChanged
                ? "change `" + change.id() + "` renders differently from when it was deployed (from "
                        + deployedFrom + "), and the environment changed since: a value of"
                        + " environments.toml that the script renders may have changed it, or the story"
                        + " was edited"
                : "change `" + change.id() + "` was edited after it was deployed (deployed "
                        + current.deployHash().substring(0, Math.min(19, current.deployHash().length()))
                        + "… from " + deployedFrom + ")";
        String hint = development
                ? "this is a development environment: `storyc warehouse apply --rework` reverts the"
                        + " deployed change with its stored revert script and deploys the new text"
                : environmentChanged
                        ? "see what changed with `git diff " + deployedFrom + " HEAD -- warehouse/"
                                + change.id().story() + "/" + change.id().change() + "/deploy.sql` in the"
                                + " output repository; a deployed change is history, so restore the"
                                + " value or the story, and put new work in a new change,"
                                + " schema/changes/NN-name/"
                        : "a deployed change is history: undo the edit, and put the new work in a new"
                                + " change, stories/" + change.id().story()
                                + "/schema/changes/NN-name/deploy.sql and revert.sql";
        return Diagnostic.error(Code.DEPLOYED_CHANGE_EDITED, change.deploy().positionOf(0), message)
                .withHint(hint);
    }

    /**
     * Orders reverts: a story before the stories it requires (as recorded when it was deployed),
     * and within those constraints the most recently deployed first.
     */
    static List<DeployedChange> revertOrder(List<DeployedChange> changes) {
        Map<String, List<DeployedChange>> byStory = new LinkedHashMap<>();
        changes.forEach(
                change ->
                        byStory.computeIfAbsent(change.id().story(), s -> new ArrayList<>())
                                .add(change));
        Map<String, Long> latest = new HashMap<>();
        byStory.forEach(
                (story, list) ->
                        latest.put(
                                story,
                                list.stream().mapToLong(DeployedChange::sequence).max().orElse(0)));
        // Kahn's algorithm over "story S requires R, both leaving": S must go first.
        Map<String, Integer> dependents = new HashMap<>();
        byStory.keySet().forEach(story -> dependents.put(story, 0));
        for (String story : byStory.keySet()) {
            for (String required : requiresOf(byStory.get(story))) {
                if (byStory.containsKey(required) && !required.equals(story)) {
                    dependents.merge(required, 1, Integer::sum);
                }
            }
        }
        Comparator<String> newestFirst =
                Comparator.comparing((String s) -> -latest.get(s))
                        .thenComparing(Comparator.naturalOrder());
        List<String> ready =
                new ArrayList<>(
                        byStory.keySet().stream().filter(s -> dependents.get(s) == 0).toList());
        List<DeployedChange> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (!ready.isEmpty()) {
            ready.sort(newestFirst);
            String story = ready.remove(0);
            done.add(story);
            byStory.get(story).stream()
                    .sorted(Comparator.comparingLong(DeployedChange::sequence).reversed())
                    .forEach(ordered::add);
            for (String required : requiresOf(byStory.get(story))) {
                if (byStory.containsKey(required)
                        && !required.equals(story)
                        && dependents.merge(required, -1, Integer::sum) == 0) {
                    ready.add(required);
                }
            }
        }
        // A cycle in recorded requires cannot come from a compiled plan; keep every change anyway.
        byStory.keySet().stream()
                .filter(story -> !done.contains(story))
                .sorted(newestFirst)
                .forEach(
                        story ->
                                byStory.get(story).stream()
                                        .sorted(
                                                Comparator.comparingLong(DeployedChange::sequence)
                                                        .reversed())
                                        .forEach(ordered::add));
        return ordered;
    }

    private static Set<String> requiresOf(List<DeployedChange> changes) {
        Set<String> requires = new HashSet<>();
        changes.forEach(change -> requires.addAll(change.requires()));
        return requires;
    }
}
