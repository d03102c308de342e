package dev.storyc.config;

import dev.storyc.diag.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A ConfigValue is one value of environments.toml together with the place it was written. Every
 * step of the evaluation (templates, extends, references, typing) keeps the position, so that any
 * error, however late, points at the line a user can edit, and the {@link Origin}, so that
 * {@code storyc env explain} can say how the value got there.
 */
public sealed interface ConfigValue permits ConfigTable, ConfigList, ConfigScalar {
    /** Returns where this value was written, or used, for error messages. */
    Position position();

    /** Returns how this value came to be here. */
    Origin origin();

    /** Returns the value as plain Java data (maps, lists, strings, numbers, booleans, secret references). */
    Object toPlain();

    /** Returns a copy of this value and everything below it with each origin rewritten. */
    default ConfigValue mapOrigins(UnaryOperator<Origin> step) {
        if (this instanceof ConfigTable table) {
            Map<String, ConfigValue> entries = new LinkedHashMap<>();
            table.entries().forEach((k, v) -> entries.put(k, v.mapOrigins(step)));
            return new ConfigTable(entries, table.position(), step.apply(table.origin()));
        }
        if (this instanceof ConfigList list) {
            List<ConfigValue> items = new ArrayList<>();
            list.items().forEach(v -> items.add(v.mapOrigins(step)));
            return new ConfigList(items, list.position(), step.apply(list.origin()));
        }
        ConfigScalar scalar = (ConfigScalar) this;
        return new ConfigScalar(scalar.value(), scalar.position(), step.apply(scalar.origin()));
    }
}
