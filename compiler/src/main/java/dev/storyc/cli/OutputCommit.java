package dev.storyc.cli;

import dev.storyc.emit.BackOut;
import dev.storyc.emit.ChangeSummary;
import dev.storyc.emit.CommitMessage;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.LockFile;
import dev.storyc.emit.OutputLayout;
import dev.storyc.emit.PreviousOutput;
import dev.storyc.emit.WarehousePlan;
import dev.storyc.publish.OutputRepository;
import dev.storyc.publish.PublishException;
import dev.storyc.publish.PublishResult;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.Stdlib;
import java.util.List;
import java.util.Optional;

/**
 * Commits one compiled environment into its repository, the same way for `compile` and `ci`: keep
 * the revert scripts of stories that left, describe the change against the previous lock, commit,
 * and tag a sealed release's compile {@code release/<name>}.
 */
final class OutputCommit {
    private OutputCommit() {}

    /**
     * What committing did: the publish result, the change it described, and the stories backed out
     * whose revert scripts are still pending in the output (so a back-out stays visible in `ci`'s
     * table after the compile that made it).
     */
    record Outcome(PublishResult result, ChangeSummary summary, List<String> backedOut) {
        boolean committed() {
            return result instanceof PublishResult.Committed;
        }
    }

    static Outcome commit(OutputRepository repository, CompiledEnvironment fresh, Stdlib stdlib,
            TemplateRenderer renderer, String source) throws PublishException {
        Optional<LockFile> previous = repository.readAtHead(OutputLayout.LOCK).flatMap(LockFile::parse);
        CompiledEnvironment compiled = BackOut.apply(fresh, new PreviousOutput(previous, repository::fileAtHead));
        ChangeSummary summary = ChangeSummary.between(previous, compiled.lock());
        String message = CommitMessage.render(stdlib, renderer, compiled, summary, source);
        PublishResult result = repository.publish(compiled.tree(), message);
        if (compiled.selection().release().filter(ReleaseManifest::isSealed).isPresent()) {
            repository.tag("release/" + compiled.selection().releaseName(), result.commit());
        }
        List<String> backedOut = Optional.ofNullable(compiled.tree().files().get(OutputLayout.PLAN))
                .map(plan -> WarehousePlan.pendingRevertsIn(plan.text()).stream()
                        .map(WarehousePlan.PendingRevert::story).sorted().toList())
                .orElse(List.of());
        return new Outcome(result, summary, backedOut);
    }
}
