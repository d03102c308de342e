package dev.storyc.lookml.syntax;

import dev.storyc.diag.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * A ParsedFile is what parsing gives back: always a tree, which covers every character of the
 * input, and the problems found, in print order. The tree of a file with errors is still lossless;
 * only its structure around the errors is a best guess.
 */
public record ParsedFile(SyntaxTree tree, List<Diagnostic> diagnostics) {
    public ParsedFile {
        Objects.requireNonNull(tree, "tree");
        diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    /** Returns true when the file has no errors. */
    public boolean ok() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
