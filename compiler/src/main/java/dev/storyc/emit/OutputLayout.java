package dev.storyc.emit;

import dev.storyc.workspace.SchemaChange;
import dev.storyc.workspace.StoryFile;
import dev.storyc.workspace.StoryId;

/**
 * Where each kind of story file lands in an output repository. Stories get a folder each, so a
 * story's files can be added or removed as one unit and no two stories' file names can clash. Every
 * path depends only on the story and the file, never on which other stories a release holds: a
 * warehouse change lives at {@code warehouse/<story>/<change>/} in every environment and every
 * release, so promoting a release renames nothing that a path-keyed deployer remembers. The apply
 * order is in {@code warehouse/plan.toml}, not in folder names.
 */
public final class OutputLayout {
    public static final String LOCK = "storyc.lock";
    public static final String PLAN = "warehouse/plan.toml";
    /** How a run from a checkout of the output reaches the warehouse ({@link ConnectionFile}). */
    public static final String CONNECTION = "warehouse/connection.toml";
    public static final String MANIFEST = "manifest.lkml";
    public static final String README = "README.md";

    private OutputLayout() {}

    /** Returns the output path of a story file. */
    public static String pathOf(StoryId story, StoryFile file) {
        return switch (file.kind()) {
            case VIEW -> "views/" + story + "/" + file.fileName();
            case EXPLORE -> "explores/" + story + "/" + file.fileName();
            case DASHBOARD -> "dashboards/" + story + "/" + file.fileName();
            case SCHEMA_DEPLOY, SCHEMA_REVERT, SCHEMA_VERIFY ->
                    SchemaChange.of(file.storyRelativePath()).orElseThrow().outputFolder(story)
                            + "/"
                            + file.fileName();
            case ETL_JOB, ETL_SQL -> "etl/" + story + "/" + file.fileName();
            case TEST_SQL -> "tests/" + story + "/" + file.fileName();
        };
    }

    /** Returns the model file's path: the same name in every environment, so Looker URLs match. */
    public static String modelPath(String model) {
        return model + ".model.lkml";
    }
}
