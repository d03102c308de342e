package dev.storyc.workspace;

import dev.storyc.diag.SourceFile;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Story is one feature that ships as a unit: its manifest and its template files, sorted by path
 * so that everything derived from it is deterministic.
 *
 * @param classification {@value #CLASSIFICATION}, which names the protected health information in
 *     the tables the story creates; it is data, not a template, so it is never rendered and means
 *     the same in every environment
 */
public record Story(StoryId id, SourceFile manifestSource, StoryManifest manifest,
        List<StoryFile> files, Optional<SourceFile> classification) {
    /** Where a story classifies the columns of its tables, relative to the story folder. */
    public static final String CLASSIFICATION = "schema/phi.toml";

    public Story {
        files = files.stream().sorted(Comparator.comparing(f -> f.source().path())).toList();
        Objects.requireNonNull(classification, "classification");
    }

    /** Returns a story without a classification file. */
    public Story(StoryId id, SourceFile manifestSource, StoryManifest manifest,
            List<StoryFile> files) {
        this(id, manifestSource, manifest, files, Optional.empty());
    }

    /** Returns the files of one kind, in path order. */
    public List<StoryFile> filesOf(ArtifactKind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }
}
