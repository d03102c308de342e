package dev.storyc.site;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One column of the board: an environment, its release and output repository, and the cell of every
 * story of the workspace.
 *
 * @param output empty when the environment has never been compiled into its output folder
 * @param cells story id to cell, for every story of the workspace
 */
public record EnvironmentColumn(
        String name,
        String kind,
        String release,
        String connection,
        Optional<OutputSummary> output,
        Map<String, Cell> cells) {
    public EnvironmentColumn {
        cells = java.util.Collections.unmodifiableMap(new TreeMap<>(cells));
    }

    /** Returns the story's cell, absent for a story the column does not know. */
    public Cell cell(String story) {
        return cells.getOrDefault(story, new Cell.Absent());
    }
}
