package dev.storyc.lookml;

import dev.storyc.lookml.dashboard.DashboardParser;
import dev.storyc.lookml.dashboard.ParsedDashboards;
import dev.storyc.lookml.edit.LookmlEditor;
import dev.storyc.lookml.json.LookmlJson;
import dev.storyc.lookml.model.LookmlFile;
import dev.storyc.lookml.model.LookmlModels;
import dev.storyc.lookml.syntax.LookmlParser;
import dev.storyc.lookml.syntax.ParsedFile;
import java.util.List;

/**
 * The LookML library's front door: parse {@code .lkml} files into lossless syntax trees, load
 * {@code .dashboard.lookml} files, build the semantic model, edit with minimal diffs and convert to
 * the JSON shape of Python's {@code lkml}. Everything here is pure: text in, values out, no I/O.
 */
public final class Lookml {
    private Lookml() {}

    /** Returns the lossless tree of a {@code .lkml} file and its syntax errors. Never throws on bad input. */
    public static ParsedFile parse(String path, String text) {
        return LookmlParser.parse(path, text);
    }

    /** Returns the dashboards of a {@code .dashboard.lookml} file and its errors. Never throws on bad input. */
    public static ParsedDashboards parseDashboard(String path, String text) {
        return DashboardParser.parse(path, text);
    }

    /** Returns a {@code .dashboard.lookml} file's YAML as plain values, for tools that print every key. */
    public static List<Object> dashboardDocuments(String path, String text) {
        return DashboardParser.documents(path, text);
    }

    /** Returns what a parsed file defines: views, explores, includes, manifest entries. */
    public static LookmlFile model(ParsedFile parsed) {
        return LookmlModels.of(parsed.tree());
    }

    /** Returns the file as JSON in the shape of Python's {@code lkml.load}. */
    public static String toJson(ParsedFile parsed) {
        return LookmlJson.toJson(parsed);
    }

    /** Returns an editor that changes a parsed file with minimal diffs. */
    public static LookmlEditor edit(ParsedFile parsed) {
        return LookmlEditor.of(parsed.tree());
    }

    /** Returns true for paths that are dashboards (YAML) rather than {@code .lkml} files. */
    public static boolean isDashboard(String path) {
        return path.endsWith(".dashboard.lookml");
    }
}
