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
 * warehouse. So when a story that the previous output contained is gone, its revert script is kept,
 * under {@code warehouse/pending-reverts/<story>/}, and {@code warehouse/plan.toml} lists it as pending
 * until the story comes back. That is the one way the output depends on history, and it is here.
 */
public final class BackOut {
    static final String PENDING_FOLDER = "warehouse/pending-reverts/";

    private BackOut() {}

    /** Returns the compiled environment with pending reverts carried from {@code previous}. */
    public static CompiledEnvironment apply(CompiledEnvironment compiled, PreviousOutput previous) {
        Map<String, String> stories = compiled.lock().stories();
        Map<String, WarehousePlan.PendingRevert> pending = new LinkedHashMap<>();
        Map<String, String> scripts = new TreeMap<>();
        // Reverts still pending from earlier back-outs stay until their story returns.
        Optional<String> previousPlan = previous.file().apply(OutputLayout.PLAN);
        for (WarehousePlan.PendingRevert revert : previousPlan.map(WarehousePlan::pendingRevertsIn).orElse(List.of())) {
            if (!stories.containsKey(revert.story())) {
                previous.file().apply(revert.script()).ifPresent(text -> {
                    pending.put(revert.story(), revert);
                    scripts.put(revert.script(), text);
                });
            }
        }
        for (String story : previous.lock().<Map<String, String>>map(LockFile::stories).orElse(Map.of()).keySet()) {
            if (stories.containsKey(story) || pending.containsKey(story)) {
                continue;
            }
            previousRevert(previous, previousPlan, story).ifPresent(text -> {
                String script = PENDING_FOLDER + story + "/revert.sql";
                pending.put(story, new WarehousePlan.PendingRevert(story, script, Sha256.tagged(text)));
                scripts.put(script, text);
            });
        }
        if (pending.isEmpty()) {
            return compiled;
        }
        Map<String, OutputFile> files = new TreeMap<>(compiled.tree().files());
        scripts.forEach((path, text) -> files.put(path, new OutputFile(path, text)));
        String plan = files.get(OutputLayout.PLAN).text();
        files.put(OutputLayout.PLAN, new OutputFile(OutputLayout.PLAN,
                plan + WarehousePlan.pendingSection(new ArrayList<>(pending.values()))));
        return new CompiledEnvironment(compiled.environment(), compiled.selection(), new OutputTree(new TreeMap<>(files)),
                compiled.lock());
    }

    /** Returns the story's revert script as the previous output had it, found through its plan. */
    private static Optional<String> previousRevert(PreviousOutput previous, Optional<String> plan, String story) {
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        org.tomlj.TomlParseResult toml = org.tomlj.Toml.parse(plan.get());
        if (toml.hasErrors() || !toml.isArray("change")) {
            return Optional.empty();
        }
        for (int i = 0; i < toml.getArray("change").size(); i++) {
            org.tomlj.TomlTable change = toml.getArray("change").getTable(i);
            if (story.equals(change.getString("story")) && change.isString("folder")) {
                return previous.file().apply(change.getString("folder") + "/revert.sql");
            }
        }
        return Optional.empty();
    }
}
