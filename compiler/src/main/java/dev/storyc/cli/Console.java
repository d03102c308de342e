package dev.storyc.cli;

import dev.storyc.check.Checks;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.FailedRun;
import dev.storyc.diag.Failure;
import dev.storyc.diag.JsonRenderer;
import dev.storyc.diag.Printable;
import dev.storyc.diag.SarifRenderer;
import dev.storyc.diag.SourceFile;
import dev.storyc.diag.TextRenderer;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a command writes: results to stdout, diagnostics and progress to stderr, so that stdout
 * can be piped into other tools. With {@code --format json} or {@code sarif}, stdout holds only
 * the diagnostics document, and results move to stderr.
 *
 * <p>A script that asked for a document must get one however the command ends. A command that
 * prints its own document {@linkplain #owe owes} one, and when it ends with a failure before
 * printing anything on stdout, {@link #finish(int)} prints what it reported instead.
 */
final class Console {
    private static final String MASK = "********";

    /**
     * Renders the document a command owes from what it reported before it failed: the command's
     * own kind of document (JSON, JUnit XML), so the reader's parser still reads it.
     */
    interface FailureDocument {
        String render(FailedRun run);
    }

    private final PrintWriter out;
    private boolean stdoutUsed;
    private FailureDocument owed;
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();
    private final Map<String, Object> sections = new LinkedHashMap<>();
    private final PrintWriter err;
    private final boolean color;
    private final boolean quiet;
    private final DiagnosticFormat format;
    private final List<String> secrets = new ArrayList<>();
    private final List<Diagnostic> pending = new ArrayList<>();
    private boolean verbose;
    /** What a {@link #buffered()} console keeps: stdout's text, then stderr's. */
    private java.io.StringWriter[] kept;

    Console(PrintWriter out, PrintWriter err, boolean color, boolean quiet) {
        this(out, err, color, quiet, DiagnosticFormat.text);
    }

    Console(PrintWriter out, PrintWriter err, boolean color, boolean quiet, DiagnosticFormat format) {
        // Autoflushing, as the writers Main passes in are, so lines reach a terminal as printed.
        this.out = new PrintWriter(new FilterWriter(out) {
            @Override
            public void write(int c) throws IOException {
                stdoutUsed = true;
                super.write(c);
            }

            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                stdoutUsed |= length > 0;
                super.write(buffer, offset, length);
            }

            @Override
            public void write(String text, int offset, int length) throws IOException {
                stdoutUsed |= length > 0;
                super.write(text, offset, length);
            }
        }, true);
        this.err = err;
        this.color = color;
        this.quiet = quiet;
        this.format = format;
    }

    /**
     * Returns a console that keeps what it prints until {@link #replayInto}: work done on several
     * threads then reports in a fixed order, not in the order it happened to finish.
     */
    Console buffered() {
        java.io.StringWriter keptOut = new java.io.StringWriter();
        java.io.StringWriter keptErr = new java.io.StringWriter();
        Console buffer = new Console(new PrintWriter(keptOut, true), new PrintWriter(keptErr, true), color, quiet,
                format);
        buffer.kept = new java.io.StringWriter[] {keptOut, keptErr};
        buffer.secrets.addAll(secrets);
        buffer.verbose = verbose;
        return buffer;
    }

    /**
     * Prints what a {@link #buffered()} console kept, stdout's part to stdout and stderr's to
     * stderr, and hands on what it reported, for the closing count and the JSON document.
     */
    void replayInto(Console target) {
        target.pending.addAll(pending);
        target.failures.addAll(failures);
        out.flush();
        err.flush();
        target.out.print(kept[0]);
        target.err.print(kept[1]);
        target.out.flush();
        target.err.flush();
    }

    /**
     * Masks these values in every diagnostic printed from now on. A diagnostic about a leaked
     * secret quotes the template line that holds it; the terminal and CI logs must not.
     */
    void mask(Collection<String> values) {
        values.stream().filter(v -> v.length() >= Checks.SECRET_MIN_LENGTH && !secrets.contains(v))
                .forEach(secrets::add);
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    /**
     * Adds a section to the JSON document {@link #finish(int)} prints, which then becomes an object
     * with the diagnostics under {@code diagnostics}; without sections it stays the plain array.
     */
    void section(String name, Object value) {
        sections.put(name, value);
    }

    PrintWriter out() {
        return out;
    }

    /**
     * Records what the command has learned of its context, such as the environment it works on;
     * it is printed only in the document of a failed run, where it says whose failure it was.
     */
    void context(String key, Object value) {
        context.put(key, value);
    }

    /**
     * Promises a document on stdout: when the command fails before printing anything there,
     * {@link #finish(int)} prints {@code document} of what it reported and its context.
     */
    void owe(FailureDocument document) {
        this.owed = document;
    }

    /** Prints a result line, unless --quiet; to stderr when stdout holds a document. */
    void result(String line) {
        if (!quiet) {
            (format == DiagnosticFormat.text ? out : err).println(line);
        }
    }

    /** Prints a line of detail to stderr, only with --verbose. */
    void info(String line) {
        if (verbose) {
            err.println("storyc: " + line);
        }
    }

    /** Returns a console that also prints --verbose detail. */
    Console verbose(boolean on) {
        this.verbose = on;
        return this;
    }

    /** Prints a problem that is not about the project's files, such as an unwritable folder. */
    /** Returns true when only errors are to be printed ({@code -q}). */
    boolean quiet() {
        return quiet;
    }

    void failure(String message, String hint) {
        failures.add(new Failure(masked(message), Optional.ofNullable(hint).map(this::masked)));
        // Messages quote what servers, remotes and the file system said, which may hold escape
        // sequences a terminal would act on; they are shown escaped instead.
        err.println((color ? "\u001b[1;31merror\u001b[0m" : "error") + ": "
                + Printable.keepingLineEnds(masked(message)));
        if (hint != null) {
            err.println("  = help: " + Printable.keepingLineEnds(masked(hint)));
        }
    }

    /**
     * Prints diagnostics once each, in order, on stderr; {@link #finish(int)} prints the closing count.
     * JSON and SARIF are collected instead and printed once by {@link #finish(int)}, so that stdout
     * holds exactly one document.
     */
    void diagnostics(Collection<Diagnostic> diagnostics, List<SourceFile> sources) {
        // Notes say what a check could not judge; they are detail, shown with --verbose.
        List<Diagnostic> unique = unique(verbose ? diagnostics
                : diagnostics.stream().filter(d -> d.severity() != dev.storyc.diag.Severity.NOTE).toList());
        pending.addAll(unique);
        if (format != DiagnosticFormat.text || unique.isEmpty()) {
            return;
        }
        // Masked before rendering, so that not even the caret's length tells a secret's.
        List<SourceFile> shown = TextRenderer.withWrittenSecretsMasked(sources, pending);
        TextRenderer renderer = TextRenderer.over(secrets.isEmpty() ? shown
                : shown.stream().map(f -> new SourceFile(f.path(), masked(f.text()))).toList(), color);
        for (Diagnostic diagnostic : unique) {
            err.println(renderer.render(masked(diagnostic)));
        }
        err.flush();
    }

    /** Returns true while no diagnostic has been reported (notes, hidden without -v, aside). */
    boolean reportedNothing() {
        return pending.isEmpty();
    }

    /** Returns true when --verbose detail is printed. */
    boolean verbose() {
        return verbose;
    }

    /**
     * Ends the command's output: the closing count of errors and warnings, and the JSON or SARIF
     * document of everything reported, even when there is nothing to report, so that tools always
     * get a document. A JSON document of a failed command that printed failures becomes an object
     * that also holds them and the exit code; an owed document is printed if the command failed
     * before printing its own.
     */
    void finish(int exitCode) {
        List<Diagnostic> unique = unique(pending);
        boolean failed = exitCode != ExitCode.OK;
        // Documents are masked value by value, never as text: masking the printed JSON would mask
        // inside its keys, and miss a secret the JSON escaping had changed.
        List<Diagnostic> shown = unique.stream().map(this::masked).toList();
        if (owed != null && failed && !stdoutUsed) {
            out.print(owed.render(failedRun(exitCode, shown)));
            out.flush();
        } else if (format != DiagnosticFormat.text) {
            out.print(format == DiagnosticFormat.json
                    ? failed && !failures.isEmpty()
                            ? JsonRenderer.render(failedRun(exitCode, shown))
                    : sections.isEmpty() ? JsonRenderer.render(shown)
                            : JsonRenderer.render(shown, maskedValues(sections))
                    : SarifRenderer.render(shown, Version.number(), exitCode, failures));
            out.flush();
        }
        // A run that failed before it checked anything (exit 2, 3) has said why; "0 errors" would
        // read as a clean check (round 20).
        if (unique.isEmpty() && (format == DiagnosticFormat.text || failed)) {
            return;
        }
        // One closing count for the whole command, however many stages reported.
        err.println(TextRenderer.summary(unique));
        err.flush();
        pending.clear();
    }

    private FailedRun failedRun(int exitCode, List<Diagnostic> diagnostics) {
        Map<String, Object> known = new LinkedHashMap<>(context);
        known.putAll(sections);
        return new FailedRun(exitCode, failures, diagnostics, maskedValues(known));
    }

    private static List<Diagnostic> unique(Collection<Diagnostic> diagnostics) {
        return new LinkedHashSet<>(diagnostics).stream().sorted(Diagnostic.ORDER).toList();
    }

    private Diagnostic masked(Diagnostic diagnostic) {
        return secrets.isEmpty() ? diagnostic : diagnostic.withTexts(this::masked);
    }

    /** Returns a document's values with every string in them masked; keys are storyc's own words. */
    private Map<String, Object> maskedValues(Map<String, Object> values) {
        if (secrets.isEmpty()) {
            return values;
        }
        Map<String, Object> masked = new LinkedHashMap<>();
        values.forEach((key, value) -> masked.put(key, maskedValue(value)));
        return masked;
    }

    private Object maskedValue(Object value) {
        if (value instanceof String text) {
            return masked(text);
        } else if (value instanceof Map<?, ?> map) {
            Map<Object, Object> masked = new LinkedHashMap<>();
            map.forEach((key, item) -> masked.put(key, maskedValue(item)));
            return masked;
        } else if (value instanceof Collection<?> items) {
            return items.stream().map(this::maskedValue).toList();
        }
        return value;
    }

    private String masked(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
