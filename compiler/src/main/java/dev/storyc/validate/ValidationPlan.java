package dev.storyc.validate;

import dev.storyc.diag.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * What the live validator will send, decided before connecting: the batches, the problems found
 * without a database (references to fields that do not exist, Liquid that does not parse), and the
 * fields it cannot run, counted by reason.
 *
 * @param fields how many fields the plan covers, batched or skipped
 */
public record ValidationPlan(
        List<Batch> batches, List<Diagnostic> problems, Map<String, Integer> skipped, int fields) {
    public ValidationPlan {
        batches = List.copyOf(batches);
        problems = List.copyOf(problems);
        skipped = Map.copyOf(skipped);
    }

    /** Returns how many fields were skipped, for every reason. */
    public int skippedCount() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
