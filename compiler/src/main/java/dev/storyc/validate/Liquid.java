package dev.storyc.validate;

import dev.storyc.lookml.liquid.LookerLiquid;
import java.util.Optional;

/**
 * Liquid in LookML SQL: found, and parsed as Looker reads it ({@link LookerLiquid}, as check does)
 * so that a syntax error is reported at the field. Its output depends on what the user picked in
 * Looker (parameters, filters, user attributes), which no offline run can know, so a field with
 * Liquid is counted as skipped, not run with made-up values.
 */
final class Liquid {
    private Liquid() {}

    static boolean isPresent(String sql) {
        return LookerLiquid.isPresent(sql);
    }

    /** Returns the problem with the template, or empty when it parses. */
    static Optional<LookerLiquid.Problem> syntaxError(String sql) {
        return LookerLiquid.problem(sql);
    }
}
