package dev.storyc.config;

import dev.storyc.diag.Position;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** A ConfigTable is a TOML table, with its entries in the order they were written. */
public record ConfigTable(Map<String, ConfigValue> entries, Position position, Origin origin) implements ConfigValue {
    public ConfigTable {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(origin, "origin");
    }

    /** Returns a table written at {@code position} in no particular table. */
    public ConfigTable(Map<String, ConfigValue> entries, Position position) {
        this(entries, position, Origin.written(position, ""));
    }

    /** Returns a copy with other entries, keeping position and origin. */
    public ConfigTable withEntries(Map<String, ConfigValue> newEntries) {
        return new ConfigTable(newEntries, position, origin);
    }

    /** Returns the entry at a key. */
    public Optional<ConfigValue> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Returns the value at a dotted path such as {@code warehouse.database}. */
    public Optional<ConfigValue> at(String dottedPath) {
        ConfigValue current = this;
        for (String part : dottedPath.split("\\.", -1)) {
            if (!(current instanceof ConfigTable table) || !table.entries.containsKey(part)) {
                return Optional.empty();
            }
            current = table.entries.get(part);
        }
        return Optional.of(current);
    }

    /** Returns the dotted path of every value and table inside, in order: what a path may name. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        collect(this, "", paths);
        return paths;
    }

    private static void collect(ConfigTable table, String prefix, List<String> into) {
        table.entries().forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            into.add(path);
            if (value instanceof ConfigTable nested) {
                collect(nested, path, into);
            }
        });
    }

    /** Returns a copy without one key. */
    public ConfigTable without(String key) {
        Map<String, ConfigValue> copy = new LinkedHashMap<>(entries);
        copy.remove(key);
        return new ConfigTable(copy, position, origin);
    }

    /** Returns a copy with one key set. */
    public ConfigTable with(String key, ConfigValue value) {
        Map<String, ConfigValue> copy = new LinkedHashMap<>(entries);
        copy.put(key, value);
        return new ConfigTable(copy, position, origin);
    }

    /** Returns plain data with keys sorted, so that templates and hashes never see input order. */
    @Override
    public Object toPlain() {
        Map<String, Object> plain = new TreeMap<>();
        entries.forEach((k, v) -> plain.put(k, v.toPlain()));
        return Collections.unmodifiableMap(plain);
    }
}
