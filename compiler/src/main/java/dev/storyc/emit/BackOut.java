package dev.storyc.emit;

import dev.storyc.workspace.Sha256;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Backing a story out removes every layer of it from the output, but its tables may still be in the
 * warehouse. So when a story that the previous output contained is gone, the revert script of each
 * of its changes is kept, under {@code warehouse/pending-reverts/<story>/<change>/}, and {@code
 * warehouse/plan.toml} lists them as pending until the story comes back. That is the one way the
 * output depends on history, and it is here.
 *
 * <p>{@code storyc warehouse apply} does not need these copies (its registry stores every deployed
 * change's revert text); they are for deployers that only read the output repository.
 */
public final class BackOut {
    static final String PENDING_FOLDER = "warehouse/pending-reverts/";

    private BackOut() {}

    /**
     * Returns the stories whose reverts a commit would drop if it were put, as it is, on top of
     * {@code parent} instead of the commit it was compiled on: stories that {@code parent} holds
     * with schema changes, or lists as pending, that the commit neither holds nor lists as pending.
     * Such a commit carried its history from an older head (a compile in a stale {@code out/}, or
     * the loser of a push race), and a fresh compile on {@code parent} would have kept those reverts
     * pending; moved as it is, the back-out would vanish from the output for good.
     */
    public static java.util.SortedSet<String> lostOnRebuild(PreviousOutput commit, PreviousOutput parent) {
        var stories = commit.lock().<Map<String, String>>map(LockFile::stories).orElse(Map.of()).keySet();
        var kept = new java.util.HashSet<String>();
        commit.file().apply(OutputLayout.PLAN).map(WarehousePlan::pendingRevertsIn).orElse(List.of())
                .forEach(revert -> kept.add(revert.story()));
        var needed = new java.util.TreeSet<String>();
        parent.file().apply(OutputLayout.PLAN).ifPresent(plan -> {
            WarehousePlan.changesIn(plan).forEach(change -> needed.add(change.story()));
            WarehousePlan.pendingRevertsIn(plan).forEach(revert -> needed.add(revert.story()));
        });
        needed.removeIf(story -> stories.contains(story) || kept.contains(story));
        return needed;
    }

    /** Returns the compiled environment with pending reverts carried from {@code previous}. */
    public static CompiledEnvironment apply(CompiledEnvironment compiled, PreviousOutput previous) {
        Map<String, String> stories = compiled.lock().stories();
        Map<String, WarehousePlan.PendingRevert> pending = new LinkedHashMap<>();
        Map<String, String> scripts = new TreeMap<>();
        // Reverts still pending from earlier back-outs stay until their story returns, and run
        // first:
        // a story that required a newly backed-out one must have left with it or before it.
        Optional<String> previousPlan = previous.file().apply(OutputLayout.PLAN);
        for (WarehousePlan.PendingRevert revert :
                previousPlan.map(WarehousePlan::pendingRevertsIn).orElse(List.of())) {
            if (!stories.containsKey(revert.story())) {
                previous.file()
                        .apply(revert.script())
                        .ifPresent(
                                text -> {
                                    pending.put(revert.id(), revert);
                                    scripts.put(revert.script(), text);
                                });
            }
        }
        var previousStories =
                previous.lock()
                        .<Map<String, String>>map(LockFile::stories)
                        .orElse(Map.of())
                        .keySet();
        // Only a story that left can be backed out; when none did, the previous plan's changes
        // need not be read at all.
        boolean anyLeft = previousStories.stream().anyMatch(story -> !stories.containsKey(story));
        List<WarehousePlan.Change> previousChanges = new ArrayList<>(anyLeft
                ? previousPlan.map(WarehousePlan::changesIn).orElse(List.of()) : List.of());
        java.util.Collections.reverse(previousChanges);
        for (WarehousePlan.Change change : previousChanges) {
            if (stories.containsKey(change.story())
                    || !previousStories.contains(change.story())
                    || pending.containsKey(change.id())) {
                continue;
            }
            previous.file()
                    .apply(change.folder() + "/revert.sql")
                    .ifPresent(
                            text -> {
                                String script =
                                        PENDING_FOLDER
                                                + change.story()
                                                + "/"
                                                + change.change()
                                                + "/revert.sql";
                                pending.put(
                                        change.id(),
                                        new WarehousePlan.PendingRevert(
                                                change.story(),
                                                change.change(),
                                                script,
                                                Sha256.tagged(text)));
                                scripts.put(script, text);
                            });
        }
        if (pending.isEmpty()) {
            return compiled;
        }
        Map<String, OutputFile> files = new TreeMap<>(compiled.tree().files());
        scripts.forEach((path, text) -> files.put(path, new OutputFile(path, text)));
        String plan = files.get(OutputLayout.PLAN).text();
        files.put(
                OutputLayout.PLAN,
                new OutputFile(
                        OutputLayout.PLAN,
                        plan + WarehousePlan.pendingSection(new ArrayList<>(pending.values()))));
        return new CompiledEnvironment(
                compiled.environment(),
                compiled.selection(),
                new OutputTree(new TreeMap<>(files)),
                compiled.lock());
    }
}
