package dev.storyc.emit;

import dev.storyc.toml.TomlText;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code warehouse/plan.toml}: every schema change of the environment's stories in apply order,
 * each with its stable id ({@code story/change}), its folder ({@code warehouse/<story>/<change>},
 * the same in every environment and every release), the stories its story requires, and a hash of
 * each script, so that {@code storyc warehouse apply} and any other deployer can tell what changed
 * since it last ran. {@code [[pending_revert]]} lists the changes of backed-out stories.
 */
public record WarehousePlan(List<Change> changes, List<PendingRevert> pendingReverts) {
    /** The plan format this compiler writes; 1 had numbered folders and one change per story. */
    public static final int FORMAT = 2;

    /** One change's scripts. */
    public record Change(
            int order,
            String story,
            String change,
            String folder,
            List<String> requires,
            Optional<String> deploy,
            Optional<String> revert,
            Optional<String> verify) {
        public Change {
            requires = List.copyOf(requires);
        }

        /** Returns the stable id, {@code story/change}. */
        public String id() {
            return story + "/" + change;
        }
    }

    /**
     * A change of a story that left this environment while its tables may still be in the
     * warehouse: its revert script, kept from the output that last contained it.
     */
    public record PendingRevert(String story, String change, String script, String hash) {
        public String id() {
            return story + "/" + change;
        }
    }

    public WarehousePlan {
        changes = List.copyOf(changes);
        pendingReverts = List.copyOf(pendingReverts);
    }

    public WarehousePlan(List<Change> changes) {
        this(changes, List.of());
    }

    /**
     * Returns the {@code [[pending_revert]]} entries, in the order given (the order to run them).
     */
    static String pendingSection(List<PendingRevert> pending) {
        StringBuilder out = new StringBuilder();
        for (PendingRevert revert : pending) {
            out.append(
                    "\n"
                        + "# Backed out: run this revert once to remove the change from the"
                        + " warehouse.\n");
            out.append("[[pending_revert]]\n");
            out.append("id = ").append(TomlText.string(revert.id())).append('\n');
            out.append("story = ").append(TomlText.string(revert.story())).append('\n');
            out.append("change = ").append(TomlText.string(revert.change())).append('\n');
            out.append("script = ").append(TomlText.string(revert.script())).append('\n');
            out.append("hash = ").append(TomlText.string(revert.hash())).append('\n');
        }
        return out.toString();
    }

    /**
     * Reads the pending reverts of a plan written by this compiler or an earlier one (format 1 had
     * no change names: its one change per story is {@code base}); none when unreadable.
     */
    public static List<PendingRevert> pendingRevertsIn(String planText) {
        if (cannotName(planText, "pending_revert")) {
            return List.of();
        }
        TomlParseResult toml = Toml.parse(planText);
        if (toml.hasErrors() || !toml.isArray("pending_revert")) {
            return List.of();
        }
        List<PendingRevert> pending = new ArrayList<>();
        TomlArray array = toml.getArray("pending_revert");
        for (int i = 0; i < array.size(); i++) {
            TomlTable entry = array.getTable(i);
            if (entry.isString("story") && entry.isString("script") && entry.isString("hash")) {
                String change = entry.isString("change") ? entry.getString("change") : "base";
                pending.add(
                        new PendingRevert(
                                entry.getString("story"),
                                change,
                                entry.getString("script"),
                                entry.getString("hash")));
            }
        }
        return pending;
    }

    /**
     * Returns true when TOML text cannot define the key {@code key}: it does not hold the key's
     * characters, and holds no backslash with which a quoted key could spell them otherwise. The
     * common plan has no pending revert, and this answers that without parsing it.
     */
    static boolean cannotName(String text, String key) {
        return !text.contains(key) && text.indexOf('\\') < 0;
    }

    /**
     * Reads the changes of a plan written by this compiler or an earlier one, for back-out's look
     * at the previous output: story, change and folder only. None when unreadable.
     */
    public static List<Change> changesIn(String planText) {
        TomlParseResult toml = Toml.parse(planText);
        if (toml.hasErrors() || !toml.isArray("change")) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        TomlArray array = toml.getArray("change");
        for (int i = 0; i < array.size(); i++) {
            TomlTable entry = array.getTable(i);
            if (entry.isString("story") && entry.isString("folder")) {
                String change = entry.isString("change") ? entry.getString("change") : "base";
                changes.add(
                        new Change(
                                i + 1,
                                entry.getString("story"),
                                change,
                                entry.getString("folder"),
                                List.of(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));
            }
        }
        return changes;
    }

    public String toToml() {
        StringBuilder out = new StringBuilder();
        out.append(
                "# Generated by storyc: apply each change's `deploy` in this order; `revert` undoes"
                    + " it, last first.\n");
        out.append(
                "# A change's id and folder never change; `storyc warehouse apply` reads this"
                    + " file.\n");
        out.append("format = ").append(FORMAT).append('\n');
        for (Change change : changes) {
            out.append("\n[[change]]\n");
            out.append("id = ").append(TomlText.string(change.id())).append('\n');
            out.append("order = ").append(change.order()).append('\n');
            out.append("story = ").append(TomlText.string(change.story())).append('\n');
            out.append("change = ").append(TomlText.string(change.change())).append('\n');
            out.append("folder = ").append(TomlText.string(change.folder())).append('\n');
            out.append("requires = [");
            for (int i = 0; i < change.requires().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(TomlText.string(change.requires().get(i)));
            }
            out.append("]\n");
            change.deploy()
                    .ifPresent(
                            h -> out.append("deploy = ").append(TomlText.string(h)).append('\n'));
            change.revert()
                    .ifPresent(
                            h -> out.append("revert = ").append(TomlText.string(h)).append('\n'));
            change.verify()
                    .ifPresent(
                            h -> out.append("verify = ").append(TomlText.string(h)).append('\n'));
        }
        return out.append(pendingSection(pendingReverts)).toString();
    }
}
