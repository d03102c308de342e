package dev.storyc.check;

import dev.storyc.diag.Diagnostic;
import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.LookmlFiles;
import dev.storyc.lookml.syntax.ParsedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks {@code storyc lookml check} runs on one file outside a workspace: its syntax, and the
 * checks that need nothing but the file, the values of keys Looker fixes (E0644). Checks that
 * resolve names across files need the workspace's views and explores, and stay with
 * {@code storyc check}.
 */
public final class LookmlFileChecks {
    private LookmlFileChecks() {}

    /** Returns the problems of one file, in print order; an empty list means Looker would take it. */
    public static List<Diagnostic> check(String path, String text) {
        if (Lookml.isDashboard(path)) {
            return LookmlFiles.check(path, text);
        }
        ParsedFile parsed = Lookml.parse(path, text);
        List<Diagnostic> found = new ArrayList<>(parsed.diagnostics());
        found.addAll(ClosedValues.of(Lookml.model(parsed)));
        found.sort(Diagnostic.ORDER);
        return List.copyOf(found);
    }
}
