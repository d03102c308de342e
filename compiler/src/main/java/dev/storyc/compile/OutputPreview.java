package dev.storyc.compile;

import dev.storyc.emit.BackOut;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.LockFile;
import dev.storyc.emit.OutputLayout;
import dev.storyc.emit.PreviousOutput;
import dev.storyc.emit.WarehousePlan;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a compile would commit on top of an output, worked out without writing: the fresh tree plus
 * the revert scripts back-out keeps pending, exactly as {@link OutputCommit} would commit it. The
 * site's board compares it with the output's head, and {@code storyc diff} prints the difference.
 */
public final class OutputPreview {
    private OutputPreview() {}

    /**
     * Returns {@code fresh} as a commit on top of the output whose head files {@code headFile}
     * reads (empty for an output never compiled) would hold it.
     */
    public static CompiledEnvironment onTopOf(
            CompiledEnvironment fresh, Function<String, Optional<String>> headFile) {
        Optional<LockFile> lock = headFile.apply(OutputLayout.LOCK).flatMap(LockFile::parse);
        return BackOut.apply(fresh, new PreviousOutput(lock, headFile));
    }

    /**
     * Returns the stories whose revert scripts {@code compiled}'s warehouse plan keeps pending:
     * backed out of the environment, with their tables possibly still in the warehouse.
     */
    public static Set<String> backedOut(CompiledEnvironment compiled) {
        return compiled
                .tree()
                .file(OutputLayout.PLAN)
                .map(plan -> WarehousePlan.pendingRevertsIn(plan.text()))
                .orElse(List.of())
                .stream()
                .map(WarehousePlan.PendingRevert::story)
                .collect(Collectors.toSet());
    }

    /**
     * Returns the stories a compile would keep pending reverts for, worked out from the output's head
     * alone, without compiling: those its plan already lists as pending, and those it deploys
     * changes of, in both cases when the environment no longer selects them. It agrees with {@link
     * #backedOut(CompiledEnvironment)} of {@link #onTopOf} (as {@link BackOut#apply} decides) and
     * costs one read of the plan, so {@code storyc status} can say it for every environment.
     *
     * @param headFile reads a file of the output's head commit
     * @param selected whether the environment compiles a story now
     */
    public static Set<String> backedOut(
            Function<String, Optional<String>> headFile, Predicate<String> selected) {
        Optional<String> plan = headFile.apply(OutputLayout.PLAN);
        if (plan.isEmpty()) {
            return Set.of();
        }
        Set<String> stories = new java.util.TreeSet<>();
        WarehousePlan.pendingRevertsIn(plan.get()).forEach(revert -> stories.add(revert.story()));
        WarehousePlan.changesIn(plan.get()).forEach(change -> stories.add(change.story()));
        stories.removeIf(selected);
        return stories;
    }
}
