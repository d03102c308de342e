package dev.storyc.workspace;

import dev.storyc.diag.SourceFile;
import java.util.Objects;

/** A StoryFile is one template of a story together with what kind of artifact it renders to. */
public record StoryFile(SourceFile source, ArtifactKind kind, String storyRelativePath) {
    public StoryFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(storyRelativePath, "storyRelativePath");
    }

    /** Returns the file's name without its folder, such as {@code patients.view.lkml}. */
    public String fileName() {
        return storyRelativePath.substring(storyRelativePath.lastIndexOf('/') + 1);
    }
}
