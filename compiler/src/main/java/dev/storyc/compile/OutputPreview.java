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
}
