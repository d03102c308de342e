package dev.storyc.site;

import dev.storyc.check.Lineage;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryFile;
import dev.storyc.workspace.StoryId;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A story's page: what it is (title, owner, ticket, description), how it relates (requires and
 * required by), what it holds (its files, by layer, and the LookML it defines), and where it is
 * (each environment's cell, the releases that hold it, its history across releases).
 */
final class StoryPages {
    private StoryPages() {}

    static String path(String story) {
        return "stories/" + story + ".html";
    }

    /**
     * Returns what each story defines across the environments' graphs, by story id, each node once:
     * worked out once for all pages, because scanning every graph per page is quadratic.
     */
    static Map<String, List<Lineage.Node>> definitions(SiteInput input) {
        Map<String, List<Lineage.Node>> byStory = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Lineage.Graph graph : input.lineage()) {
            for (Lineage.Node node : graph.nodes()) {
                if (node.story().isPresent()
                        && node.kind() != Lineage.Kind.ELEMENT
                        && seen.add(node.id())) {
                    byStory.computeIfAbsent(node.story().get(), k -> new ArrayList<>()).add(node);
                }
            }
        }
        return byStory;
    }

    /**
     * Returns a story page's values.
     *
     * @param requiredBy the stories that require this one
     * @param defines what the story defines, from {@link #definitions}
     */
    static Map<String, Object> page(
            SiteInput input, Story story, List<String> requiredBy, List<Lineage.Node> defines) {
        String id = story.id().value();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", id);
        page.put("title", story.manifest().title());
        story.manifest().owner().ifPresent(owner -> page.put("owner", owner));
        story.manifest().ticket().ifPresent(ticket -> page.put("ticket", ticket));
        story.manifest()
                .description()
                .ifPresent(description -> page.put("description", description));
        page.put(
                "requires",
                links(story.manifest().requiredIds().stream().map(StoryId::value).toList()));
        page.put("required_by", links(requiredBy));
        page.put("layers", layers(story));
        page.put("defines", defines(defines));
        List<Map<String, Object>> environments = new ArrayList<>();
        for (EnvironmentColumn column : input.environments()) {
            Cell cell = column.cell(id);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", column.name());
            row.put("release", column.release());
            row.put("state", cell.state());
            row.put("text", cell.text());
            column.deployment().ifPresent(deployment -> row.put("deployed", deployment.word(id)));
            environments.add(row);
        }
        page.put("environments", environments);
        page.put("live", input.environments().stream().anyMatch(c -> c.deployment().isPresent()));
        List<Map<String, Object>> history = new ArrayList<>();
        for (ReleaseEntry release : input.releases()) {
            if (!release.stories().contains(id)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("release", release.name());
            row.put("version", release.pins().getOrDefault(id, "main (unsealed)"));
            row.put("environments", String.join(", ", release.environments()));
            row.put("change", change(release, id));
            history.add(row);
        }
        page.put("history", history);
        page.put("in_releases", !history.isEmpty());
        return page;
    }

    /** Returns how the story changed in a release against the release before it. */
    private static String change(ReleaseEntry release, String id) {
        if (release.previous().isEmpty()) {
            return "first release";
        }
        var diff = release.previous().get().diff();
        StoryId story = new StoryId(id);
        if (diff.added().contains(story)) {
            return "added";
        }
        var changes = diff.changed().get(story);
        return changes == null ? "unchanged" : changes.size() + " file(s) changed";
    }

    private static List<Map<String, String>> links(List<String> stories) {
        return stories.stream().map(s -> Map.of("id", s, "href", s + ".html")).toList();
    }

    private static List<Map<String, Object>> layers(Story story) {
        Map<Layer, List<String>> files = new EnumMap<>(Layer.class);
        for (Layer layer : Layer.values()) {
            files.put(layer, new ArrayList<>());
        }
        for (StoryFile file : story.files()) {
            files.get(Layer.of(file.kind())).add(file.storyRelativePath());
        }
        List<Map<String, Object>> layers = new ArrayList<>();
        files.forEach(
                (layer, paths) ->
                        layers.add(
                                Map.of(
                                        "layer",
                                        layer.title(),
                                        "key",
                                        layer.name().toLowerCase(java.util.Locale.ROOT),
                                        "files",
                                        paths,
                                        "empty",
                                        paths.isEmpty())));
        return layers;
    }

    /** Returns the rows of the tables, jobs, views, explores and dashboards a story defines. */
    private static List<Map<String, Object>> defines(List<Lineage.Node> nodes) {
        List<Map<String, Object>> defines = new ArrayList<>();
        for (Lineage.Node node : nodes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", LineageData.kindName(node.kind()));
            row.put("name", node.name());
            row.put("anchor", SearchIndex.anchor(node.id()));
            row.put("fields", String.join(", ", node.fields()));
            defines.add(row);
        }
        return defines;
    }
}
