package dev.storyc.render;

import dev.storyc.diag.Diagnostic;
import java.util.List;

/** The text a template produced and the problems found while producing it. */
public record Rendered(String text, List<Diagnostic> diagnostics) {
    public Rendered {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
