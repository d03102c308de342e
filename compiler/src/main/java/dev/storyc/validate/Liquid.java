package dev.storyc.validate;

import java.util.Optional;
import liqp.TemplateParser;

/**
 * Liquid in LookML SQL: found, and parsed with Liqp so that a syntax error is reported at the
 * field. Its output depends on what the user picked in Looker (parameters, filters, user
 * attributes), which no offline run can know, so a field with Liquid is counted as skipped, not run
 * with made-up values.
 */
final class Liquid {
    private static final TemplateParser PARSER = new TemplateParser.Builder().build();

    private Liquid() {}

    static boolean isPresent(String sql) {
        return sql.contains("{%") || sql.contains("{{");
    }

    /** Returns Liqp's complaint about the template, or empty when it parses. */
    static Optional<String> syntaxError(String sql) {
        try {
            PARSER.parse(sql);
            return Optional.empty();
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).strip();
            return Optional.of(message.lines().findFirst().orElse("it does not parse"));
        }
    }
}
