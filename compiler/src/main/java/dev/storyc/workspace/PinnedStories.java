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

    /**
     * A shallow clone (how CI checks out by default) lacks the older trees a sealed release pins.
     * Rather than fail on the first compile, fetch the rest of the history once, as {@code git}
     * would be asked to by hand, and say so with a warning that names the cheaper way.
     */
    private static void fetchWhenShallow(SourceRepository repository, List<Pin> pins, String release,
            Diagnostics diagnostics) {
        Optional<Pin> missing = pins.stream().filter(pin -> !repository.hasTree(pin.tree())).findFirst();
        if (missing.isEmpty() || !repository.isShallow()) {
            return;
        }
        Optional<String> failure = repository.fetchFullHistory();
        if (failure.isPresent()) {
            diagnostics.add(Diagnostic.warning(Code.SHALLOW_CLONE_FETCHED, missing.get().position(),
                            "this shallow clone lacks the trees release `" + release + "` pins, and fetching the"
                                    + " history failed: " + failure.get())
                    .withHint("clone with full history: git clone without --depth, or actions/checkout with"
                            + " fetch-depth: 0"));
            return;
        }
        diagnostics.add(Diagnostic.warning(Code.SHALLOW_CLONE_FETCHED, missing.get().position(),
                        "this was a shallow clone without the trees release `" + release + "` pins; fetched the"
                                + " full history from `" + repository.remoteName() + "`")
                .withHint("clone with full history to skip this fetch (actions/checkout: fetch-depth: 0)"));
    }

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
                    .withHint("a sealed release compiles from git history, which a ZIP download or an export"
                            + " lacks: `git clone` the repository instead, or unseal the release by deleting its"
                            + " [pins] table"));
            return Result.failed(diagnostics.all());
        }
        fetchWhenShallow(repository.get(), pins, release, diagnostics);
        for (Pin pin : pins) {
            Optional<List<SourceFile>> files = repository.flatMap(r -> r.filesAt(pin.tree(), "stories/" + pin.story(),
                    diagnostics));
            if (files.isEmpty()) {
                diagnostics.add(Diagnostic.error(Code.PIN_OBJECT_MISSING, pin.position(),
                                "release `" + release + "` pins `" + pin.story() + "` to tree " + pin.tree()
                                        + ", which this repository does not have")
                        .withHint(repository.get().isShallow()
                                ? "this shallow clone lacks it; clone with full history (actions/checkout:"
                                        + " fetch-depth: 0; GitLab: GIT_DEPTH: \"0\"), or run `git fetch --unshallow`"
                                : "fetch the history that holds it, or seal the release again: storyc release seal "
                                        + release));
                continue;
            }
            StoryAssembler.assemble(pin.story(), files.get(), diagnostics).ifPresent(s -> stories.put(s.id(), s));
        }
        return diagnostics.hasErrors() ? Result.failed(diagnostics.all()) : Result.of(stories, diagnostics);
    }
}
