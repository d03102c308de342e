package dev.storyc.site;

import dev.storyc.release.Selection;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Works out an environment's board cells from what it compiles and what its output still holds. */
public final class Cells {
    private Cells() {}

    /**
     * Returns the cell of every story of the workspace in one environment.
     *
     * @param selection what the environment compiles
     * @param backedOut stories whose revert scripts the environment's output keeps pending
     * @param mainTrees each story's git tree at the workspace's HEAD, where committed
     */
    public static Map<String, Cell> of(
            Collection<StoryId> stories,
            Selection selection,
            Set<String> backedOut,
            Map<String, String> mainTrees) {
        Map<String, String> pins =
                selection
                        .release()
                        .map(
                                r ->
                                        r.pins().entrySet().stream()
                                                .collect(
                                                        java.util.stream.Collectors.toMap(
                                                                e -> e.getKey().value(),
                                                                Map.Entry::getValue)))
                        .orElse(Map.of());
        Set<String> selected = new java.util.HashSet<>();
        selection.stories().stream().map(Story::id).map(StoryId::value).forEach(selected::add);
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (StoryId id : stories) {
            String story = id.value();
            Cell cell;
            if (selected.contains(story)) {
                Optional<String> pin = Optional.ofNullable(pins.get(story));
                cell =
                        pin.<Cell>map(
                                        tree ->
                                                new Cell.Pinned(
                                                        tree, !tree.equals(mainTrees.get(story))))
                                .orElse(new Cell.Main());
            } else if (backedOut.contains(story)) {
                cell = new Cell.BackedOut();
            } else {
                cell = new Cell.Absent();
            }
            cells.put(story, cell);
        }
        return cells;
    }
}
