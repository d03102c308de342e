package dev.storyc.workspace;

import dev.storyc.diag.SourceFile;
import java.util.Comparator;
import java.util.List;

/**
 * A Story is one feature that ships as a unit: its manifest and its template files, sorted by path
 * so that everything derived from it is deterministic.
 */
public record Story(StoryId id, SourceFile manifestSource, StoryManifest manifest, List<StoryFile> files) {
    public Story {
        files = files.stream().sorted(Comparator.comparing(f -> f.source().path())).toList();
    }

    /** Returns the files of one kind, in path order. */
    public List<StoryFile> filesOf(ArtifactKind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }
}
