package dev.storyc.workspace;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Loads the stories of a sealed release from the git trees they are pinned to. */
public final class PinnedStories {
    private PinnedStories() {}

    /** A pin to load, with the manifest line that wrote it, for diagnostics. */
    public record Pin(StoryId story, String tree, Position position) {}

    /**
     * Returns each pinned story as it was when sealed. A tree missing from the object database is
     * an error at its pin's line: the release cannot be compiled as sealed, and compiling the
     * working tree instead would silently ship something else.
     */
    public static Result<Map<StoryId, Story>> load(Optional<SourceRepository> repository, List<Pin> pins, String release) {
        Diagnostics diagnostics = new Diagnostics();
        Map<StoryId, Story> stories = new TreeMap<>();
        if (repository.isEmpty() && !pins.isEmpty()) {
            // One cause, one error: without a repository no pin can be read.
            diagnostics.add(Diagnostic.error(Code.PIN_OBJECT_MISSING, pins.get(0).position(),
                            "release `" + release + "` is sealed, but the workspace is not in a git repository, so"
                                    + " its pinned trees cannot be read")
                    .withHint("compile from a clone of the workspace's repository, or unseal the release by deleting"
                            + " its [pins] table"));
            return Result.failed(diagnostics.all());
        }
        for (Pin pin : pins) {
            Optional<List<SourceFile>> files = repository.flatMap(r -> r.filesAt(pin.tree(), "stories/" + pin.story(),
                    diagnostics));
            if (files.isEmpty()) {
                diagnostics.add(Diagnostic.error(Code.PIN_OBJECT_MISSING, pin.position(),
                                "release `" + release + "` pins `" + pin.story() + "` to tree " + pin.tree()
                                        + ", which this repository does not have")
                        .withHint("fetch the history that holds it (a shallow clone lacks old trees), or seal the "
                                + "release again: storyc release seal " + release));
                continue;
            }
            StoryAssembler.assemble(pin.story(), files.get(), diagnostics).ifPresent(s -> stories.put(s.id(), s));
        }
        return diagnostics.hasErrors() ? Result.failed(diagnostics.all()) : Result.of(stories, diagnostics);
    }
}
