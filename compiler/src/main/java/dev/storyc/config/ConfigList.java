package dev.storyc.config;

import dev.storyc.diag.Position;
import java.util.List;

/** A ConfigList is a TOML array; extends replaces lists whole rather than merging them. */
public record ConfigList(List<ConfigValue> items, Position position) implements ConfigValue {
    public ConfigList {
        items = List.copyOf(items);
    }

    @Override
    public Object toPlain() {
        return items.stream().map(ConfigValue::toPlain).toList();
    }
}
