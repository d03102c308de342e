package dev.storyc.cli;

import dev.storyc.emit.BackOut;
import dev.storyc.emit.ChangeSummary;
import dev.storyc.emit.CommitMessage;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.LockFile;
import dev.storyc.emit.OutputLayout;
import dev.storyc.emit.PreviousOutput;
import dev.storyc.publish.OutputRepository;
import dev.storyc.publish.PublishException;
import dev.storyc.publish.PublishResult;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.Stdlib;
import java.util.Optional;

/**
 * Commits one compiled environment into its repository, the same way for `compile` and `ci`: keep
 * the revert scripts of stories that left, describe the change against the previous lock, commit,
 * and tag a sealed release's compile {@code release/<name>}.
 */
final class OutputCommit {
    private OutputCommit() {}

    /** What committing did: the publish result and the change it described. */
    record Outcome(PublishResult result, ChangeSummary summary) {
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
        return new Outcome(result, summary);
    }
}
