package dev.storyc.diag;

import java.util.List;

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
    private JsonRenderer() {}

    public static String render(List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            return "[]\n";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < diagnostics.size(); i++) {
            out.append("  ").append(object(diagnostics.get(i))).append(i + 1 < diagnostics.size() ? ",\n" : "\n");
        }
        return out.append("]\n").toString();
    }

    private static String object(Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder("{");
        out.append("\"severity\": ").append(JsonText.quote(diagnostic.severity().label()));
        out.append(", \"code\": ").append(JsonText.quote(diagnostic.code().id()));
        out.append(", \"title\": ").append(JsonText.quote(diagnostic.code().title()));
        out.append(", \"message\": ").append(JsonText.quote(diagnostic.message()));
        out.append(", ").append(position(diagnostic.position()));
        out.append(", \"hint\": ").append(diagnostic.hint().map(JsonText::quote).orElse("null"));
        out.append(", \"related\": [");
        for (int i = 0; i < diagnostic.related().size(); i++) {
            Related related = diagnostic.related().get(i);
            out.append(i > 0 ? ", " : "").append('{').append(position(related.position()))
                    .append(", \"message\": ").append(JsonText.quote(related.message())).append('}');
        }
        return out.append("]}").toString();
    }

    private static String position(Position position) {
        return "\"file\": " + JsonText.quote(position.file()) + ", \"line\": " + position.line()
                + ", \"column\": " + (position.hasLine() ? Math.max(position.column(), 1) : 0);
    }
}
