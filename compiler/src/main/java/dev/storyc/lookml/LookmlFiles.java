package dev.storyc.lookml;

import dev.storyc.diag.Diagnostic;
import dev.storyc.lookml.json.LookmlJson;
import java.util.List;

/**
 * The calls behind {@code storyc lookml check} and {@code storyc lookml parse --json}: they pick
 * the LookML or the dashboard parser by file name. The caller reads the files; this class does not.
 */
public final class LookmlFiles {
    private LookmlFiles() {}

    /** Returns the problems of one file, in print order; an empty list means it parses. */
    public static List<Diagnostic> check(String path, String text) {
        return Lookml.isDashboard(path)
                ? Lookml.parseDashboard(path, text).diagnostics()
                : Lookml.parse(path, text).diagnostics();
    }

    /**
     * Returns a file as JSON: a {@code .lkml} file in the shape of Python's {@code lkml.load}, a
     * dashboard as its YAML content. Check {@link #check} first; a file with errors gives the JSON of
     * what could be parsed.
     */
    public static String toJson(String path, String text) {
        return Lookml.isDashboard(path)
                ? LookmlJson.toJson(Lookml.dashboardDocuments(path, text))
                : LookmlJson.toJson(Lookml.parse(path, text));
    }
}
