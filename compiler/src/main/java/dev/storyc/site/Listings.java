package dev.storyc.site;

import dev.storyc.config.Environment;
import dev.storyc.release.ReleaseDiff;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryFile;
import dev.storyc.workspace.StoryId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON documents of the listing commands ({@code --format json} on status, story list and show,
 * release list, show and diff, env list and graph). Each document names its schema, such as {@code
 * storyc.status/1}; docs/site.md describes every one. Fields may be added within a version; a
 * change that breaks a reader gets the next number.
 */
public final class Listings {
    private Listings() {}

    /**
     * One column of {@code storyc status}: an environment and its cell for every story, and with
     * {@code --live} what its warehouse registry says.
     */
    public record StatusColumn(
            String environment,
            String kind,
            String release,
            Map<String, Cell> cells,
            Optional<LiveColumn> live) {}

    /**
     * What {@code status --live} read from one environment's registry: why it could not be reached,
     * or each story's deployment state ({@code deployed}, {@code pending}, {@code revert}...).
     */
    public record LiveColumn(Optional<String> problem, Map<String, String> deployed) {}

    /** One release that lists a story, with the story's pin in it if sealed. */
    public record StoryRelease(String release, Optional<String> pin) {}

    /** Returns {@code storyc status} as the {@code storyc.status/1} document. */
    public static String status(List<String> stories, List<StatusColumn> columns) {
        List<Map<String, Object>> environments = new ArrayList<>();
        for (StatusColumn column : columns) {
            Map<String, Object> environment =
                    ordered(
                            "name", column.environment(),
                            "kind", column.kind(),
                            "release", column.release());
            column.live().ifPresent(live -> {
                environment.put("reachable", live.problem().isEmpty());
                live.problem().ifPresent(why -> environment.put("problem", why));
            });
            environments.add(environment);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String story : stories) {
            Map<String, Object> cells = new LinkedHashMap<>();
            for (StatusColumn column : columns) {
                Cell cell = column.cells().getOrDefault(story, new Cell.Absent());
                Map<String, Object> value = ordered("state", cell.state());
                if (cell instanceof Cell.Pinned pinned) {
                    value.put("tree", pinned.tree());
                    value.put("moved_on", pinned.movedOn());
                }
                column.live()
                        .filter(live -> live.problem().isEmpty())
                        .ifPresent(live -> value.put("deployed", live.deployed().get(story)));
                cells.put(column.environment(), value);
            }
            rows.add(ordered("id", story, "cells", cells));
        }
        return document("storyc.status/1", "environments", environments, "stories", rows);
    }

    /** Returns {@code storyc story list} as the {@code storyc.stories/1} document. */
    public static String stories(Collection<Story> stories) {
        return document(
                "storyc.stories/1", "stories", stories.stream().map(Listings::summary).toList());
    }

    /** Returns {@code storyc story show} as the {@code storyc.story/1} document. */
    public static String story(Story story, List<StoryId> requiredBy, List<StoryRelease> releases) {
        Map<String, Object> values = summary(story);
        values.put("required_by", requiredBy.stream().map(StoryId::value).toList());
        List<Map<String, Object>> holding = new ArrayList<>();
        releases.forEach(
                r -> holding.add(ordered("name", r.release(), "pin", r.pin().orElse(null))));
        values.put("releases", holding);
        List<Map<String, Object>> files = new ArrayList<>();
        for (StoryFile file : story.files()) {
            files.add(
                    ordered(
                            "path", file.storyRelativePath(),
                            "kind", name(file.kind()),
                            "layer", name(Layer.of(file.kind()))));
        }
        values.put("files", files);
        return document("storyc.story/1", "story", values);
    }

    /** Returns {@code storyc env list} as the {@code storyc.environments/1} document. */
    public static String environments(Collection<Environment> environments) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Environment environment : environments) {
            rows.add(
                    ordered(
                            "name", environment.name(),
                            "kind", environment.kind().spelling(),
                            "release", environment.release(),
                            "connection", environment.connection(),
                            "model", environment.model(),
                            "protected", environment.isProtected(),
                            "hash", environment.hash()));
        }
        return document("storyc.environments/1", "environments", rows);
    }

    /**
     * Returns {@code storyc graph} as the {@code storyc.graph/1} document: the stories as nodes and
     * an edge from each story to each story it requires, {@code missing} when the graph's stories
     * leave the required one out.
     */
    public static String graph(String title, List<Story> stories) {
        Set<StoryId> included = new java.util.HashSet<>();
        stories.forEach(story -> included.add(story.id()));
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Story story : stories) {
            nodes.add(
                    ordered(
                            "id", story.id().value(),
                            "title", story.manifest().title(),
                            "owner", story.manifest().owner().orElse(null)));
            for (StoryId required : story.manifest().requiredIds()) {
                edges.add(
                        ordered(
                                "from", story.id().value(),
                                "to", required.value(),
                                "missing", !included.contains(required)));
            }
        }
        return document("storyc.graph/1", "title", title, "nodes", nodes, "edges", edges);
    }

    /** Returns {@code storyc release list} as the {@code storyc.releases/1} document. */
    public static String releases(
            List<ReleaseManifest> releases, Function<String, List<String>> environmentsUsing) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReleaseManifest release : releases) {
            Map<String, Object> row = release(release, environmentsUsing.apply(release.name()));
            row.put("stories", release.stories().stream().map(e -> e.story().value()).toList());
            rows.add(row);
        }
        return document("storyc.releases/1", "releases", rows);
    }

    /**
     * Returns {@code storyc release show} as the {@code storyc.release/1} document: the stories in
     * order, each with its pin (null when unsealed) and what it requires in the working tree.
     */
    public static String release(
            ReleaseManifest release, List<String> environments, Function<StoryId, Optional<Story>> stories) {
        Map<String, Object> values = release(release, environments);
        List<Map<String, Object>> listed = new ArrayList<>();
        for (ReleaseManifest.Entry entry : release.stories()) {
            listed.add(
                    ordered(
                            "id", entry.story().value(),
                            "pin", release.pins().get(entry.story()),
                            "requires",
                                    stories.apply(entry.story())
                                            .map(
                                                    s ->
                                                            s.manifest().requiredIds().stream()
                                                                    .map(StoryId::value)
                                                                    .toList())
                                            .orElse(null)));
        }
        values.put("stories", listed);
        return document("storyc.release/1", "release", values);
    }

    /** Returns {@code storyc release diff A B} as the {@code storyc.release-diff/1} document. */
    public static String releaseDiff(String from, String to, ReleaseDiff diff) {
        List<Map<String, Object>> changed = new ArrayList<>();
        diff.changed()
                .forEach(
                        (story, files) -> {
                            List<Map<String, Object>> rows = new ArrayList<>();
                            files.forEach(
                                    f -> rows.add(ordered("path", f.path(), "change", change(f))));
                            changed.add(ordered("story", story.value(), "files", rows));
                        });
        return document(
                "storyc.release-diff/1",
                "from",
                from,
                "to",
                to,
                "added",
                diff.added().stream().map(StoryId::value).toList(),
                "removed",
                diff.removed().stream().map(StoryId::value).toList(),
                "changed",
                changed);
    }

    private static String change(ReleaseDiff.FileChange change) {
        return switch (change.kind()) {
            case 'A' -> "added";
            case 'D' -> "deleted";
            default -> "modified";
        };
    }

    private static Map<String, Object> release(ReleaseManifest release, List<String> environments) {
        return ordered(
                "name", release.name(),
                "path", release.path(),
                "sealed", release.isSealed(),
                "environments", environments);
    }

    private static Map<String, Object> summary(Story story) {
        return ordered(
                "id", story.id().value(),
                "title", story.manifest().title(),
                "owner", story.manifest().owner().orElse(null),
                "ticket", story.manifest().ticket().orElse(null),
                "description", story.manifest().description().orElse(null),
                "requires", story.manifest().requiredIds().stream().map(StoryId::value).toList());
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Returns a document: its schema first, then {@code keysAndValues}. */
    private static String document(String schema, Object... keysAndValues) {
        Map<String, Object> document = ordered("schema", schema);
        document.putAll(ordered(keysAndValues));
        return JsonDocuments.write(document);
    }

    /** Returns a map that keeps the order its keys are given in, which is the order printed. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
