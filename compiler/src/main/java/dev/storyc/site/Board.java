package dev.storyc.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The board: environments × stories. The environments' summary is HTML; the grid is data, drawn by
 * {@code assets/board.js} a page of rows at a time.
 */
final class Board {
    private Board() {}

    /** Returns the values of the board page: one row per environment. */
    static Map<String, Object> page(SiteInput input) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EnvironmentColumn column : input.environments()) {
            rows.add(environment(column));
        }
        return Map.of("environments", rows, "story_count", input.stories().size());
    }

    /** Returns the board's data: the environments, then per story one cell per environment. */
    static Map<String, Object> data(SiteInput input) {
        List<Map<String, Object>> environments = new ArrayList<>();
        input.environments().forEach(column -> environments.add(environment(column)));
        List<Map<String, Object>> stories = new ArrayList<>();
        for (var story : input.stories()) {
            String id = story.id().value();
            List<List<String>> cells = new ArrayList<>();
            for (EnvironmentColumn column : input.environments()) {
                Cell cell = column.cell(id);
                cells.add(
                        List.of(
                                cell.state(),
                                cell.text(),
                                cell instanceof Cell.Pinned p ? p.tree() : ""));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("title", story.manifest().title());
            row.put("owner", story.manifest().owner().orElse(""));
            row.put("cells", cells);
            stories.add(row);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("environments", environments);
        data.put("stories", stories);
        return data;
    }

    private static Map<String, Object> environment(EnvironmentColumn column) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", column.name());
        row.put("kind", column.kind());
        row.put("release", column.release());
        row.put("connection", column.connection());
        row.put("compiled", column.output().isPresent());
        column.output()
                .ifPresent(
                        output -> {
                            row.put("commit", output.head().substring(0, 10));
                            row.put("commit_full", output.head());
                            row.put("compiled_at", output.committedAt().toString());
                            row.put("state", output.upToDate() ? "committed" : "stale");
                            row.put(
                                    "state_text",
                                    output.upToDate() ? "up to date" : "behind the workspace");
                            row.put(
                                    "push",
                                    !output.hasRemote()
                                            ? "no-remote"
                                            : output.pushed() ? "pushed" : "not-pushed");
                            row.put(
                                    "push_text",
                                    !output.hasRemote()
                                            ? "no remote"
                                            : output.pushed() ? "pushed" : "not pushed");
                        });
        return row;
    }
}
