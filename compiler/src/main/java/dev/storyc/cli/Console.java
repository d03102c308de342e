package dev.storyc.cli;

import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.SourceFile;
import dev.storyc.diag.TextRenderer;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where a command writes: results to stdout, diagnostics and progress to stderr, so that stdout
 * can be piped into other tools.
 */
final class Console {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean color;
    private final boolean quiet;

    Console(PrintWriter out, PrintWriter err, boolean color, boolean quiet) {
        this.out = out;
        this.err = err;
        this.color = color;
        this.quiet = quiet;
    }

    PrintWriter out() {
        return out;
    }

    /** Prints a result line, unless --quiet. */
    void result(String line) {
        if (!quiet) {
            out.println(line);
        }
    }

    /** Prints a problem that is not about the project's files, such as an unwritable folder. */
    void failure(String message, String hint) {
        err.println((color ? "\u001b[1;31merror\u001b[0m" : "error") + ": " + message);
        if (hint != null) {
            err.println("  = help: " + hint);
        }
    }

    /**
     * Prints diagnostics once each, in order, and a closing count. The same problem found while
     * compiling several environments is shown only once.
     */
    void diagnostics(Collection<Diagnostic> diagnostics, List<SourceFile> sources) {
        List<Diagnostic> unique = new LinkedHashSet<>(diagnostics).stream().sorted(Diagnostic.ORDER).toList();
        if (unique.isEmpty()) {
            return;
        }
        TextRenderer renderer = TextRenderer.over(sources, color);
        for (Diagnostic diagnostic : unique) {
            err.println(renderer.render(diagnostic));
        }
        err.println(TextRenderer.summary(unique));
        err.flush();
    }
}
