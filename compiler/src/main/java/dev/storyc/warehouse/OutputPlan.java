package dev.storyc.warehouse;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Result;
import dev.storyc.emit.LockFile;
import dev.storyc.emit.OutputLayout;
import dev.storyc.emit.WarehousePlan;
import dev.storyc.workspace.Sha256;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What an environment's output commit wants in its database: the changes of {@code
 * warehouse/plan.toml} with their scripts' texts, the commit and the environment hash (recorded
 * with every deployed change), and the ids it lists as pending reverts. Read from the commit, never
 * from the working tree, so production runs exactly the scripts acceptance ran.
 *
 * <p>Every script's text is checked against the plan's hash: a repository edited by hand is refused
 * rather than applied.
 */
public record OutputPlan(
        String commit,
        String environment,
        String environmentHash,
        List<PlannedChange> changes,
        Set<ChangeId> pendingReverts) {
    public OutputPlan {
        changes = List.copyOf(changes);
        pendingReverts = Set.copyOf(new LinkedHashSet<>(pendingReverts));
    }

    /**
     * Reads the plan of an output commit.
     *
     * @param files the commit's files by path
     */
    public static Result<OutputPlan> read(String commit, Function<String, Optional<String>> files) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<String> planText = files.apply(OutputLayout.PLAN);
        Optional<LockFile> lock = files.apply(OutputLayout.LOCK).flatMap(LockFile::parse);
        if (planText.isEmpty() || lock.isEmpty()) {
            String missing = planText.isEmpty() ? OutputLayout.PLAN : OutputLayout.LOCK;
            diagnostics.add(
                    Diagnostic.error(
                                    Code.WAREHOUSE_PLAN_INVALID,
                                    Position.ofFile(missing),
                                    "output commit "
                                            + shortId(commit)
                                            + " has no readable `"
                                            + missing
                                            + "`")
                            .withHint(
                                    "is this an output repository? run `storyc compile` for the"
                                        + " environment first"));
            return Result.failed(diagnostics.all());
        }
        TomlParseResult toml = Toml.parse(planText.get());
        if (toml.hasErrors()) {
            diagnostics.add(
                    Diagnostic.error(
                            Code.WAREHOUSE_PLAN_INVALID,
                            Position.ofFile(OutputLayout.PLAN),
                            "`"
                                    + OutputLayout.PLAN
                                    + "` of "
                                    + shortId(commit)
                                    + " is not valid TOML: "
                                    + toml.errors().get(0).getMessage()));
            return Result.failed(diagnostics.all());
        }
        long format = toml.isLong("format") ? toml.getLong("format") : 1;
        if (format > WarehousePlan.FORMAT) {
            diagnostics.add(
                    Diagnostic.error(
                                    Code.WAREHOUSE_PLAN_INVALID,
                                    Position.ofFile(OutputLayout.PLAN),
                                    "`"
                                            + OutputLayout.PLAN
                                            + "` has format "
                                            + format
                                            + "; this storyc reads up to "
                                            + WarehousePlan.FORMAT)
                            .withHint("upgrade storyc to the version that compiled the output"));
            return Result.failed(diagnostics.all());
        }
        List<PlannedChange> changes = new ArrayList<>();
        TomlArray array = toml.isArray("change") ? toml.getArray("change") : null;
        for (int i = 0; array != null && i < array.size(); i++) {
            change(array.getTable(i), i + 1, files, diagnostics).ifPresent(changes::add);
        }
        Set<ChangeId> pending = new LinkedHashSet<>();
        WarehousePlan.pendingRevertsIn(planText.get())
                .forEach(revert -> pending.add(new ChangeId(revert.story(), revert.change())));
        if (diagnostics.hasErrors()) {
            return Result.failed(diagnostics.all());
        }
        return Result.of(
                new OutputPlan(
                        commit,
                        lock.get().environment(),
                        lock.get().environmentHash(),
                        changes,
                        pending),
                diagnostics);
    }

    private static Optional<PlannedChange> change(
            TomlTable entry,
            int order,
            Function<String, Optional<String>> files,
            Diagnostics diagnostics) {
        if (!entry.isString("story") || !entry.isString("folder")) {
            diagnostics.add(
                    Diagnostic.error(
                            Code.WAREHOUSE_PLAN_INVALID,
                            Position.ofFile(OutputLayout.PLAN),
                            "change "
                                    + order
                                    + " of `"
                                    + OutputLayout.PLAN
                                    + "` lacks `story` or `folder`"));
            return Optional.empty();
        }
        ChangeId id =
                new ChangeId(
                        entry.getString("story"),
                        entry.isString("change") ? entry.getString("change") : "base");
        String folder = entry.getString("folder");
        Optional<Script> deploy =
                script(
                        id,
                        folder + "/deploy.sql",
                        entry.getString("deploy"),
                        true,
                        files,
                        diagnostics);
        Optional<Script> revert =
                script(
                        id,
                        folder + "/revert.sql",
                        entry.getString("revert"),
                        true,
                        files,
                        diagnostics);
        Optional<Script> verify =
                script(
                        id,
                        folder + "/verify.sql",
                        entry.getString("verify"),
                        false,
                        files,
                        diagnostics);
        List<String> requires = new ArrayList<>();
        if (entry.isArray("requires")) {
            TomlArray list = entry.getArray("requires");
            for (int i = 0; i < list.size(); i++) {
                requires.add(String.valueOf(list.get(i)));
            }
        }
        if (deploy.isEmpty() || revert.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new PlannedChange(id, order, requires, deploy.get(), revert.get(), verify));
    }

    private static Optional<Script> script(
            ChangeId id,
            String path,
            String hash,
            boolean required,
            Function<String, Optional<String>> files,
            Diagnostics diagnostics) {
        Optional<String> text = files.apply(path);
        if (text.isEmpty()) {
            if (required || hash != null) {
                diagnostics.add(
                        Diagnostic.error(
                                        Code.WAREHOUSE_PLAN_INVALID,
                                        Position.ofFile(path),
                                        "change `"
                                                + id
                                                + "` has no `"
                                                + path
                                                + "` in the output commit")
                                .withHint(
                                        required
                                                ? "a change needs deploy.sql and revert.sql;"
                                                      + " recompile the environment"
                                                : "the plan lists a verify script that is missing;"
                                                      + " recompile the environment"));
            }
            return Optional.empty();
        }
        String actual = Sha256.tagged(text.get());
        if (hash != null && !hash.equals(actual)) {
            diagnostics.add(
                    Diagnostic.error(
                                    Code.WAREHOUSE_PLAN_INVALID,
                                    Position.ofFile(path),
                                    "`"
                                            + path
                                            + "` does not match its hash in `"
                                            + OutputLayout.PLAN
                                            + "`")
                            .withHint(
                                    "the output repository was edited by hand; recompile the"
                                        + " environment instead"));
            return Optional.empty();
        }
        return Optional.of(new Script(path, text.get(), actual));
    }

    /** Returns the first 12 characters of a commit id, as messages show it. */
    public static String shortId(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
