package dev.storyc.config;

import dev.storyc.diag.Position;
import dev.storyc.toml.TomlDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/** ConfigTrees turns tomlj's tables into positioned {@link ConfigValue} trees. */
final class ConfigTrees {
    private ConfigTrees() {}

    /** Returns the tree of {@code table}, whose own key was written at {@code position}. */
    static ConfigTable fromToml(TomlDocument doc, TomlTable table, Position position) {
        Map<String, ConfigValue> entries = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            Position at = doc.positionOf(table, key);
            entries.put(key, convert(doc, table.get(List.of(key)), at));
        }
        return new ConfigTable(entries, position);
    }

    private static ConfigValue convert(TomlDocument doc, Object value, Position at) {
        if (value instanceof TomlTable table) {
            return fromToml(doc, table, at);
        }
        if (value instanceof TomlArray array) {
            List<ConfigValue> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                items.add(convert(doc, array.get(i), doc.positionOf(array, i)));
            }
            return new ConfigList(items, at);
        }
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return new ConfigScalar(value, at);
        }
        // Dates and times have no use in an environment yet; keep them as their TOML spelling.
        return new ConfigScalar(String.valueOf(value), at);
    }
}
