package dev.storyc.lookml.dashboard;

import dev.storyc.diag.Diagnostic;
import dev.storyc.lookml.model.Dashboard;
import java.util.List;
import java.util.Objects;

/**
 * ParsedDashboards is what loading a {@code .dashboard.lookml} file gives back: the dashboards it
 * defines (usually one) and the problems found. The YAML itself is not kept: the checks hold a
 * whole environment's parses at once, and a plain tree of every key was two thirds of each;
 * {@link DashboardParser#documents} gives it to the tools that print every key.
 */
public record ParsedDashboards(String path, List<Dashboard> dashboards,
        List<Diagnostic> diagnostics) {

    public ParsedDashboards {
        Objects.requireNonNull(path, "path");
        dashboards = List.copyOf(dashboards);
        diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    /** Returns true when the file has no errors. */
    public boolean ok() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
