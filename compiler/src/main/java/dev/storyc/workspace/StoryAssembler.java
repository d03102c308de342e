package dev.storyc.workspace;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link Story} from its files, wherever they were read from: the working tree or a pinned
 * git tree. One assembly path means a pinned story is judged by exactly the same rules.
 */
public final class StoryAssembler {
    private StoryAssembler() {}

    /** @param files the story's files, with workspace-relative paths under {@code stories/<id>/} */
    public static Optional<Story> assemble(StoryId id, List<SourceFile> files, Diagnostics diagnostics) {
        return assemble(id, files, diagnostics, ManifestMemo.NONE);
    }

    /** Assembles as {@link #assemble(StoryId, List, Diagnostics)} does, its manifest through {@code memo}. */
    public static Optional<Story> assemble(StoryId id, List<SourceFile> files, Diagnostics diagnostics,
            ManifestMemo memo) {
        String prefix = "stories/" + id + "/";
        SourceFile manifestSource = null;
        SourceFile classification = null;
        List<StoryFile> storyFiles = new ArrayList<>();
        for (SourceFile file : files) {
            String relative = file.path().substring(prefix.length());
            if (relative.equals("story.toml")) {
                manifestSource = file;
                continue;
            }
            if (relative.equals(Story.CLASSIFICATION)) {
                classification = file;
                continue;
            }
            Optional<ArtifactKind> kind = ArtifactKind.of(relative);
            Optional<String> changeProblem = SchemaChange.problemWith(relative);
            if (changeProblem.isPresent()) {
                diagnostics.add(Diagnostic.error(Code.SCHEMA_CHANGE_FOLDER_INVALID,
                                Position.ofFile(file.path()),
                                "`" + relative + "` is not part of a schema change")
                        .withHint(changeProblem.get()));
                continue;
            }
            if (kind.isEmpty()) {
                diagnostics.add(Diagnostic.error(Code.UNEXPECTED_STORY_FILE, Position.ofFile(file.path()),
                                "`" + relative + "` has no place in a story")
                        .withHint("a story holds story.toml, schema/{deploy,revert,verify}.sql, "
                                + "schema/changes/NN-name/{deploy,revert,verify}.sql, "
                                + "schema/phi.toml, etl/*.job.toml, "
                                + "etl/*.sql, views/*.view.lkml, explores/*.explore.lkml, "
                                + "dashboards/*.dashboard.lookml and tests/*.sql"));
                continue;
            }
            storyFiles.add(new StoryFile(file, kind.get(), relative));
        }
        if (manifestSource == null) {
            // One that is there but could not be read has been reported as such already.
            String manifestPath = prefix + "story.toml";
            if (diagnostics.all().stream().anyMatch(d -> d.position().file().equals(manifestPath))) {
                return Optional.empty();
            }
            diagnostics.add(Diagnostic.error(Code.STORY_MANIFEST_MISSING, Position.ofFile(prefix + "story.toml"),
                            "story `" + id + "` has no story.toml")
                    .withHint("create " + prefix + "story.toml with at least `title = \"...\"`"));
            return Optional.empty();
        }
        SchemaChanges.validate(id, storyFiles, diagnostics);
        SourceFile manifest = manifestSource;
        Optional<SourceFile> phi = Optional.ofNullable(classification);
        return StoryManifestParser.parse(manifest, diagnostics, memo)
                .map(parsed -> new Story(id, manifest, parsed, storyFiles, phi));
    }
}
