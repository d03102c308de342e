package dev.storyc.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Explains where an environment's value came from: the file and line that set it, and each step
 * that carried it into the environment, such as an {@code extends} parent, the developer template
 * or a reference. This is what {@code storyc env explain E KEY} prints.
 *
 * <pre>
 * acceptance-2.warehouse.schema = "analytics"
 *   environments.toml:55:1   refers to ${environments.production.warehouse.schema}
 *   environments.toml:33:13  production extends redshift
 *   environments.toml:17:1   set in [bases.redshift]
 * </pre>
 */
public final class Explanation {
    private Explanation() {}

    /** Returns the explanation of {@code key} (a dotted path) in a checked tree, or empty if it is not set. */
    public static Optional<List<String>> explain(String environment, ConfigTable tree, String key) {
        Optional<ConfigValue> value = key.isEmpty() ? Optional.of(tree) : tree.at(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        explainInto(lines, environment, key, value.get());
        return Optional.of(lines);
    }

    /** Returns every key that can be explained, for "did you mean" hints. */
    public static List<String> keys(ConfigTable tree) {
        return tree.paths();
    }

    private static void explainInto(List<String> lines, String environment, String key, ConfigValue value) {
        if (value instanceof ConfigTable table && !table.entries().isEmpty()) {
            for (Map.Entry<String, ConfigValue> entry : new java.util.TreeMap<>(table.entries()).entrySet()) {
                explainInto(lines, environment, key.isEmpty() ? entry.getKey() : key + "." + entry.getKey(),
                        entry.getValue());
            }
            return;
        }
        lines.add(environment + "." + key + " = " + NormalForm.literal(value.toPlain()));
        List<String[]> steps = new ArrayList<>();
        for (Origin step : value.origin().chain()) {
            steps.add(describe(step));
        }
        int width = steps.stream().mapToInt(s -> s[0].length()).max().orElse(0);
        for (String[] step : steps) {
            lines.add("  " + step[0] + " ".repeat(width - step[0].length() + 2) + step[1]);
        }
    }

    private static String[] describe(Origin step) {
        if (step instanceof Origin.Written written) {
            return new String[] {written.position().toString(), (written.table().isEmpty() ? "set here"
                    : "set in " + written.table()) + written.spelling().map(s -> " as `" + s + "`").orElse("")};
        }
        if (step instanceof Origin.Inherited inherited) {
            return new String[] {inherited.extendsAt().toString(),
                    inherited.child() + " extends " + inherited.parent()};
        }
        if (step instanceof Origin.Instantiated instantiated) {
            return new String[] {instantiated.at().toString(), "developer `" + instantiated.developer()
                    + "` instantiates [templates." + instantiated.template() + "]"};
        }
        if (step instanceof Origin.Referenced referenced) {
            return new String[] {referenced.at().toString(), "refers to ${" + referenced.expression() + "}"};
        }
        Origin.Defaulted defaulted = (Origin.Defaulted) step;
        return new String[] {defaulted.declaredAt().toString(), "the default of " + defaulted.record() + "."
                + defaulted.field()};
    }
}
