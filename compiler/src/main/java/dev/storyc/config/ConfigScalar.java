package dev.storyc.config;

import dev.storyc.diag.Position;
import java.util.Objects;

/** A ConfigScalar is a string, a long, a double, a boolean or a {@link SecretReference}. */
public record ConfigScalar(Object value, Position position) implements ConfigValue {
    public ConfigScalar {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
    }

    @Override
    public Object toPlain() {
        return value;
    }

    /** Returns a short name of the value's type for messages, such as "string" or "integer". */
    public String typeName() {
        return ConfigTypes.nameOf(value);
    }
}
