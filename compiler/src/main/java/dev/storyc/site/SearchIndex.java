package dev.storyc.site;

import dev.storyc.check.Lineage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The search index: one entry per story, view, explore, field and dashboard, as {@code [kind, name,
 * story, url]}, searched in the page by substring. A few thousand short rows search in well under a
 * millisecond per keystroke, so no search library is bundled.
 */
final class SearchIndex {
    private SearchIndex() {}

    /** Returns the HTML id of a lineage node's row on its story page. */
    static String anchor(String nodeId) {
        return nodeId.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    static List<List<String>> of(SiteInput input) {
        List<List<String>> entries = new ArrayList<>();
        for (var story : input.stories()) {
            entries.add(
                    List.of(
                            "story",
                            story.id().value(),
                            story.id().value(),
                            StoryPages.path(story.id().value()),
                            story.manifest().title()));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Lineage.Graph graph : input.lineage()) {
            for (Lineage.Node node : graph.nodes()) {
                if (node.story().isEmpty() || !seen.add(node.id())) {
                    continue;
                }
                String story = node.story().get();
                String url = StoryPages.path(story) + "#" + anchor(node.id());
                switch (node.kind()) {
                    case VIEW -> {
                        entries.add(List.of("view", node.name(), story, url, node.label()));
                        for (String field : node.fields()) {
                            entries.add(
                                    List.of(
                                            "field",
                                            node.name() + "." + field,
                                            story,
                                            url,
                                            node.name()));
                        }
                    }
                    case EXPLORE ->
                            entries.add(List.of("explore", node.name(), story, url, node.label()));
                    case DASHBOARD ->
                            entries.add(
                                    List.of("dashboard", node.name(), story, url, node.label()));
                    case TABLE ->
                            entries.add(List.of("table", node.name(), story, url, node.label()));
                    case ETL_JOB ->
                            entries.add(List.of("etl-job", node.name(), story, url, node.label()));
                    case RAW_TABLE, ELEMENT -> {}
                }
            }
        }
        return entries;
    }
}
