package dev.storyc.config;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;

/**
 * Refuses tables and lists nested more than {@value #MAX_DEPTH} deep in environments.toml and its
 * imports (E0233), before anything walks them. The evaluation recurses along every level, and a
 * value 70 levels deep, with no reference in it, was reported as a chain of references too deep,
 * at the line before it, once per environment (round 18).
 */
final class NestingLimit {
    /** Far deeper than any environment needs: warehouse.connection.options is four levels. */
    static final int MAX_DEPTH = 32;

    private NestingLimit() {}

    /** Reports the first value too deep in each file; returns true when there was none. */
    static boolean check(ConfigTable file, Diagnostics diagnostics) {
        return walk(file, 0, diagnostics);
    }

    private static boolean walk(ConfigValue value, int depth, Diagnostics diagnostics) {
        if (depth > MAX_DEPTH) {
            diagnostics.add(Diagnostic.error(Code.ENV_NESTED_TOO_DEEP, value.position(),
                            "values are nested more than " + MAX_DEPTH + " tables or lists deep here")
                    .withHint("flatten the value: storyc reads at most " + MAX_DEPTH + " levels"));
            return false;
        }
        if (value instanceof ConfigTable table) {
            for (ConfigValue entry : table.entries().values()) {
                if (!walk(entry, depth + 1, diagnostics)) {
                    return false;
                }
            }
        } else if (value instanceof ConfigList list) {
            for (ConfigValue item : list.items()) {
                if (!walk(item, depth + 1, diagnostics)) {
                    return false;
                }
            }
        }
        return true;
    }
}
