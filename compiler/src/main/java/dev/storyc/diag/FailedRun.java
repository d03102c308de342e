package dev.storyc.diag;

import java.util.List;
import java.util.Map;

/**
 * Everything a command reported before it ended without its result: the exit code, the failures
 * and diagnostics it printed, and what it had learned of its context (the environment, say). A
 * script that asked for a document on stdout gets one made of this, instead of an empty file.
 */
public record FailedRun(
        int exitCode,
        List<Failure> failures,
        List<Diagnostic> diagnostics,
        Map<String, Object> context) {
    public FailedRun {
        failures = List.copyOf(failures);
        diagnostics = List.copyOf(diagnostics);
        context = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
    }
}
