package dev.storyc.site;

import dev.storyc.check.Lineage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The lineage page's data: the union of every environment's graph, each node and edge tagged with
 * the environments that have it (as indexes into {@code environments}, which keeps a 1,000-story
 * workspace's data a third smaller), so the page filters by environment without another file.
 */
final class LineageData {
    private LineageData() {}

    static String kindName(Lineage.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Map<String, Object> of(SiteInput input) {
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        Map<String, Map<String, Object>> edges = new LinkedHashMap<>();
        for (int index = 0; index < input.lineage().size(); index++) {
            Lineage.Graph graph = input.lineage().get(index);
            for (Lineage.Node node : graph.nodes()) {
                Map<String, Object> row =
                        nodes.computeIfAbsent(
                                node.id(),
                                id -> {
                                    Map<String, Object> created = new LinkedHashMap<>();
                                    created.put("id", id);
                                    created.put("kind", kindName(node.kind()));
                                    created.put("name", node.name());
                                    created.put("label", node.label());
                                    created.put("story", node.story().orElse(""));
                                    created.put("fields", node.fields());
                                    created.put("envs", new ArrayList<Integer>());
                                    return created;
                                });
                environments(row).add(index);
            }
            for (Lineage.Edge edge : graph.edges()) {
                Map<String, Object> row =
                        edges.computeIfAbsent(
                                edge.from() + "\n" + edge.to(),
                                key -> {
                                    Map<String, Object> created = new LinkedHashMap<>();
                                    created.put("from", edge.from());
                                    created.put("to", edge.to());
                                    created.put("envs", new ArrayList<Integer>());
                                    return created;
                                });
                environments(row).add(index);
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "kinds",
                java.util.Arrays.stream(Lineage.Kind.values()).map(LineageData::kindName).toList());
        data.put("environments", input.lineage().stream().map(Lineage.Graph::environment).toList());
        data.put(
                "stories",
                new ArrayList<>(
                        new TreeSet<>(input.stories().stream().map(s -> s.id().value()).toList())));
        data.put("nodes", List.copyOf(nodes.values()));
        data.put("edges", List.copyOf(edges.values()));
        return data;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> environments(Map<String, Object> row) {
        return (List<Integer>) row.get("envs");
    }
}
