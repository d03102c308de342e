package dev.storyc.config;

import dev.storyc.diag.Position;
import java.util.List;
import java.util.Objects;

/** A ConfigList is a TOML array; extends replaces lists whole rather than merging them. */
public record ConfigList(List<ConfigValue> items, Position position, Origin origin) implements ConfigValue {
    public ConfigList {
        items = List.copyOf(items);
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(origin, "origin");
    }

    /** Returns a list written at {@code position} in no particular table. */
    public ConfigList(List<ConfigValue> items, Position position) {
        this(items, position, Origin.written(position, ""));
    }

    @Override
    public Object toPlain() {
        return items.stream().map(ConfigValue::toPlain).toList();
    }
}
