package dev.storyc.lookml.dashboard;

import dev.storyc.diag.Diagnostic;
import dev.storyc.lookml.model.Dashboard;
import java.util.List;
import java.util.Objects;

/**
 * ParsedDashboards is what loading a {@code .dashboard.lookml} file gives back: the dashboards it
 * defines (usually one) and the problems found. The YAML itself is kept as {@link #documents}, a
 * plain tree of maps, lists and strings, for tools that want every key.
 */
public record ParsedDashboards(String path, List<Dashboard> dashboards, List<Object> documents,
        List<Diagnostic> diagnostics) {

    public ParsedDashboards {
        Objects.requireNonNull(path, "path");
        dashboards = List.copyOf(dashboards);
        documents = List.copyOf(documents);
        diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    /** Returns true when the file has no errors. */
    public boolean ok() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
