package dev.storyc.check;

import dev.storyc.diag.Diagnostic;
import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.dashboard.ParsedDashboards;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.LookmlFile;
import dev.storyc.lookml.syntax.ParsedFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses rendered LookML and dashboards once per distinct text. Most files render to the same text
 * in most environments (a dashboard names {@code env.model}, which never changes), so a workspace
 * checked across a dozen environments parses each such file once.
 */
final class ParseCache {
    /** A parsed {@code .lkml} file: its model, its top-level keys and its syntax errors, at rendered positions. */
    record Lkml(LookmlFile model, List<Located> topLevelKeys, List<Diagnostic> diagnostics) {}

    private final Map<String, Lkml> lkml = new HashMap<>();
    private final Map<String, ParsedDashboards> dashboards = new HashMap<>();

    Lkml lkml(String path, String text) {
        return lkml.computeIfAbsent(path + '\u0000' + text, key -> {
            ParsedFile parsed = Lookml.parse(path, text);
            List<Located> keys = parsed.tree().root().items().stream()
                    .map(item -> new Located(item.key(), item.keyPosition())).toList();
            return new Lkml(Lookml.model(parsed), keys, parsed.diagnostics());
        });
    }

    ParsedDashboards dashboard(String path, String text) {
        return dashboards.computeIfAbsent(path + '\u0000' + text, key -> Lookml.parseDashboard(path, text));
    }
}
