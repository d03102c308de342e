package dev.storyc.compile;

import dev.storyc.emit.BackOut;
import dev.storyc.emit.ChangeSummary;
import dev.storyc.emit.CommitMessage;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.LockFile;
import dev.storyc.emit.OutputLayout;
import dev.storyc.emit.PreviousOutput;
import dev.storyc.emit.WarehousePlan;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.release.Selection;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.Stdlib;
import java.util.List;
import java.util.Optional;

/**
 * Commits one compiled environment into its output store, the same way for {@code compile} and
 * {@code ci}: keep the revert scripts of stories that left, describe the change against the
 * previous lock, commit, and tag a sealed release's compile {@code release/<name>}.
 */
public final class OutputCommit {
    private OutputCommit() {}

    /**
     * What committing did: the branch's commit afterwards, the change it described, and the
     * stories backed out whose revert scripts are still pending in the output, so that a back-out
     * stays visible after the compile that made it.
     */
    public record Outcome(OutputStore.Commit commit, ChangeSummary summary, List<String> backedOut) {
        public Outcome {
            backedOut = List.copyOf(backedOut);
        }

        /** Returns whether a new commit was made (false when the tree was unchanged). */
        public boolean committed() {
            return commit.made();
        }
    }

    /**
     * Commits {@code fresh} on top of what {@code store} holds.
     *
     * @param source the workspace revision the commit message names
     */
    public static <X extends Exception> Outcome commit(OutputStore<X> store,
            CompiledEnvironment fresh, Stdlib stdlib, TemplateRenderer renderer, String source)
            throws X {
        Optional<LockFile> previous = store.readAtHead(OutputLayout.LOCK).flatMap(LockFile::parse);
        CompiledEnvironment compiled = BackOut.apply(fresh,
                new PreviousOutput(previous, store::fileAtHead));
        ChangeSummary summary = ChangeSummary.between(previous, compiled.lock());
        String message = CommitMessage.render(stdlib, renderer, compiled, summary, source);
        OutputStore.Commit commit = store.commit(compiled.tree(), message);
        Optional<String> tag = tagOf(compiled.selection());
        if (tag.isPresent()) {
            store.tag(tag.get(), commit.id());
        }
        return new Outcome(commit, summary, pendingReverts(compiled));
    }

    private static List<String> pendingReverts(CompiledEnvironment compiled) {
        return compiled.tree().file(OutputLayout.PLAN)
                .map(plan -> WarehousePlan.pendingRevertsIn(plan.text()).stream()
                        // One name per story, however many of its changes wait to be reverted.
                        .map(WarehousePlan.PendingRevert::story).distinct().sorted().toList())
                .orElse(List.of());
    }

    /** Returns the tag of a selection's compile: {@code release/<name>} for a sealed release. */
    public static Optional<String> tagOf(Selection selection) {
        return selection.release().filter(ReleaseManifest::isSealed)
                .map(release -> releaseTag(selection.releaseName()));
    }

    /** Returns the tag a sealed release's compile gets: {@code release/<name>}. */
    public static String releaseTag(String release) {
        return "release/" + release;
    }
}
