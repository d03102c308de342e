package dev.storyc.diag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders diagnostics as one JSON array with one object per diagnostic, for scripts and editors:
 *
 * <pre>
 * [
 *   {"severity": "error", "code": "E0601", "title": "...", "message": "...", "file": "stories/a/b.lkml",
 *    "line": 5, "column": 9, "hint": "...", "related": [{"file": "...", "line": 1, "column": 7, "message": "..."}]}
 * ]
 * </pre>
 *
 * A file-wide position has line and column 0; a diagnostic without a hint has {@code "hint": null}.
 */
public final class JsonRenderer {
    /** The array spreads one diagnostic per line; each diagnostic stays on its line. */
    private static final Json.Layout LAYOUT = (path, array) -> path.isEmpty();

    private JsonRenderer() {}

    public static String render(List<Diagnostic> diagnostics) {
        List<Object> objects = new ArrayList<>();
        diagnostics.forEach(d -> objects.add(object(d)));
        return Json.write(objects, LAYOUT, Json.Escaping.CONTROL) + "\n";
    }

    /**
     * Renders one object holding the diagnostics beside other sections a command reports, such as
     * {@code storyc ci}'s live table: {@code {"diagnostics": [...], "live": [...]}}, one diagnostic
     * and one section element per line.
     */
    public static String render(List<Diagnostic> diagnostics, Map<String, Object> sections) {
        Map<String, Object> document = new LinkedHashMap<>();
        List<Object> objects = new ArrayList<>();
        diagnostics.forEach(d -> objects.add(object(d)));
        document.put("diagnostics", objects);
        document.putAll(sections);
        return Json.write(document, (path, array) -> path.size() <= 1, Json.Escaping.CONTROL)
                + "\n";
    }

    /**
     * Renders a run that ended without its result as one object: the diagnostics, the context the
     * command had learned, {@code exit_code} and {@code failures}, each failure a {@code message}
     * and a {@code hint} (null when there is none):
     *
     * <pre>
     * {"diagnostics": [], "environment": "integration", "exit_code": 3,
     *  "failures": [{"message": "cannot reach the database ...", "hint": "..."}]}
     * </pre>
     */
    public static String render(FailedRun run) {
        Map<String, Object> sections = new LinkedHashMap<>(run.context());
        sections.put("exit_code", run.exitCode());
        List<Object> failures = new ArrayList<>();
        for (Failure failure : run.failures()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("message", failure.message());
            entry.put("hint", failure.hint().orElse(null));
            failures.add(entry);
        }
        sections.put("failures", failures);
        return render(run.diagnostics(), sections);
    }

    private static Map<String, Object> object(Diagnostic diagnostic) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("severity", diagnostic.severity().label());
        out.put("code", diagnostic.code().id());
        out.put("title", diagnostic.code().title());
        out.put("message", diagnostic.message());
        position(out, diagnostic.position());
        out.put("hint", diagnostic.hint().orElse(null));
        List<Object> related = new ArrayList<>();
        for (Related note : diagnostic.related()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            position(entry, note.position());
            entry.put("message", note.message());
            related.add(entry);
        }
        out.put("related", related);
        return out;
    }

    private static void position(Map<String, Object> out, Position position) {
        out.put("file", position.file());
        out.put("line", position.line());
        out.put("column", position.hasLine() ? Math.max(position.column(), 1) : 0);
    }
}
