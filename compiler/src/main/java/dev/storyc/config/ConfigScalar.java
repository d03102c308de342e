package dev.storyc.config;

import dev.storyc.diag.Position;
import java.util.Objects;

/** A ConfigScalar is a string, a long, a double, a boolean or a {@link SecretReference}. */
public record ConfigScalar(Object value, Position position, Origin origin) implements ConfigValue {
    public ConfigScalar {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(origin, "origin");
    }

    /** Returns a scalar written at {@code position} in no particular table. */
    public ConfigScalar(Object value, Position position) {
        this(value, position, Origin.written(position, ""));
    }

    /** Returns a copy holding another value, keeping position and origin. */
    public ConfigScalar withValue(Object newValue) {
        return new ConfigScalar(newValue, position, origin);
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
