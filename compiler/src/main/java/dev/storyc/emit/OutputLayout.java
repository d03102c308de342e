package dev.storyc.emit;

import dev.storyc.workspace.StoryFile;
import dev.storyc.workspace.StoryId;

/**
 * Where each kind of story file lands in an output repository. Stories get a folder each, so a
 * story's files can be added or removed as one unit and no two stories' file names can clash.
 */
public final class OutputLayout {
    public static final String LOCK = "storyc.lock";
    public static final String PLAN = "warehouse/plan.toml";
    public static final String MANIFEST = "manifest.lkml";
    public static final String README = "README.md";

    private OutputLayout() {}

    /**
     * Returns the output path of a story file.
     *
     * @param warehouseFolder the story's {@code warehouse/NN-story} folder, numbered by apply order
     */
    public static String pathOf(StoryId story, StoryFile file, String warehouseFolder) {
        return switch (file.kind()) {
            case VIEW -> "views/" + story + "/" + file.fileName();
            case EXPLORE -> "explores/" + story + "/" + file.fileName();
            case DASHBOARD -> "dashboards/" + story + "/" + file.fileName();
            case SCHEMA_DEPLOY, SCHEMA_REVERT, SCHEMA_VERIFY -> warehouseFolder + "/" + file.fileName();
            case ETL_JOB, ETL_SQL -> "etl/" + story + "/" + file.fileName();
            case TEST_SQL -> "tests/" + story + "/" + file.fileName();
        };
    }

    /** Returns the model file's path: the same name in every environment, so Looker URLs match. */
    public static String modelPath(String model) {
        return model + ".model.lkml";
    }

    /** Returns {@code warehouse/NN-story}, zero-padded so that folders sort in apply order. */
    public static String warehouseFolder(int order, int total, StoryId story) {
        int width = Math.max(2, String.valueOf(total).length());
        return "warehouse/" + String.format("%0" + width + "d", order) + "-" + story;
    }
}
