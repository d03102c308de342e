package dev.storyc.diag;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Diagnostic is one problem found in a workspace: what is wrong (a stable code and a one-sentence
 * message), where (a position), how to fix it (an optional hint) and other places that explain it.
 *
 * <p>Stages return diagnostics as values instead of throwing, so that one run reports every problem.
 */
public record Diagnostic(
        Severity severity, Code code, Position position, String message, Optional<String> hint, List<Related> related) {

    /** Sorts diagnostics the way they are printed: by file, line and column, then by code. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::position)
            .thenComparing(d -> d.code().id())
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        related = List.copyOf(related);
    }

    /** Returns an error with the code's default severity and no hint. */
    public static Diagnostic error(Code code, Position position, String message) {
        return new Diagnostic(Severity.ERROR, code, position, message, Optional.empty(), List.of());
    }

    /** Returns a warning with no hint. */
    public static Diagnostic warning(Code code, Position position, String message) {
        return new Diagnostic(Severity.WARNING, code, position, message, Optional.empty(), List.of());
    }

    /** Returns a copy with the given hint. */
    public Diagnostic withHint(String newHint) {
        return new Diagnostic(severity, code, position, message, Optional.ofNullable(newHint), related);
    }

    /** Returns a copy with one more related location. */
    public Diagnostic withRelated(Position where, String what) {
        var more = new java.util.ArrayList<>(related);
        more.add(new Related(where, what));
        return new Diagnostic(severity, code, position, message, hint, more);
    }

    /** Returns a copy whose message, hint and related messages are {@code edit} of this one's. */
    public Diagnostic withTexts(java.util.function.UnaryOperator<String> edit) {
        return new Diagnostic(severity, code, position, edit.apply(message), hint.map(edit),
                related.stream().map(r -> new Related(r.position(), edit.apply(r.message()))).toList());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
