package dev.storyc.validate;

import dev.storyc.diag.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * What a live validation found: a diagnostic per failing field, join or table at its LookML line
 * with the database's message, and the counts a user and a benchmark want.
 *
 * @param validated fields the database planned without error
 * @param notValidated fields left out because a join or table they need failed
 * @param queries queries sent, counting each query of a combined round trip
 * @param roundTrips calls to the database
 */
public record ValidationResult(
        List<Diagnostic> diagnostics,
        int validated,
        int notValidated,
        Map<String, Integer> skipped,
        int queries,
        int roundTrips) {
    public ValidationResult {
        diagnostics = List.copyOf(diagnostics);
        skipped = Map.copyOf(skipped);
    }

    /** Returns true when nothing failed. */
    public boolean passed() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
