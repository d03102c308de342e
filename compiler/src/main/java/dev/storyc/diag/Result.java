package dev.storyc.diag;

import java.util.List;
import java.util.Optional;

/**
 * A Result is what a stage returns: a value when it could build one, and the diagnostics it found on
 * the way. A value can come with warnings; an error means callers must not trust the value.
 */
public record Result<T>(Optional<T> value, List<Diagnostic> diagnostics) {

    public Result {
        diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    public static <T> Result<T> of(T value, List<Diagnostic> diagnostics) {
        return new Result<>(Optional.of(value), diagnostics);
    }

    public static <T> Result<T> of(T value, Diagnostics diagnostics) {
        return of(value, diagnostics.all());
    }

    public static <T> Result<T> failed(List<Diagnostic> diagnostics) {
        return new Result<>(Optional.empty(), diagnostics);
    }

    public boolean ok() {
        return value.isPresent() && diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    /** Returns the value; only call after checking {@link #ok()} or when errors are tolerated. */
    public T get() {
        return value.orElseThrow(() -> new IllegalStateException("no value: " + diagnostics));
    }
}
