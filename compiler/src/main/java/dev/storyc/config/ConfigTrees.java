package dev.storyc.config;

import dev.storyc.diag.Position;
import dev.storyc.toml.TomlDocument;
import dev.storyc.toml.TomlKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * ConfigTrees turns tomlj's tables into positioned {@link ConfigValue} trees. Each value's origin
 * names the table it was written in, such as {@code [bases.redshift]}: the first two keys of its
 * path, which is how environments.toml names bases, environments and templates.
 */
final class ConfigTrees {
    private ConfigTrees() {}

    /** Returns the tree of a document's root table. */
    static ConfigTable fromToml(TomlDocument doc) {
        return fromToml(doc, doc.root(), doc.filePosition(), List.of());
    }

    /** Returns the tree of {@code table}, whose own key was written at {@code position}. */
    static ConfigTable fromToml(TomlDocument doc, TomlTable table, Position position) {
        return fromToml(doc, table, position, List.of());
    }

    private static ConfigTable fromToml(TomlDocument doc, TomlTable table, Position position, List<String> path) {
        Map<String, ConfigValue> entries = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            Position at = doc.positionOf(table, key);
            entries.put(key, convert(doc, table.get(List.of(key)), at, append(path, key)));
        }
        return new ConfigTable(entries, position, Origin.written(position, label(path)));
    }

    private static ConfigValue convert(TomlDocument doc, Object value, Position at, List<String> path) {
        if (value instanceof TomlTable table) {
            return fromToml(doc, table, at, path);
        }
        if (value instanceof TomlArray array) {
            List<ConfigValue> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                items.add(convert(doc, array.get(i), doc.positionOf(array, i), path));
            }
            return new ConfigList(items, at, Origin.written(at, label(path)));
        }
        Origin origin = Origin.written(at, label(path));
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return new ConfigScalar(value, at, origin);
        }
        // Dates and times have no use in an environment yet; keep them as their TOML spelling.
        return new ConfigScalar(String.valueOf(value), at, origin);
    }

    private static List<String> append(List<String> path, String key) {
        List<String> longer = new ArrayList<>(path);
        longer.add(key);
        return longer;
    }

    private static String label(List<String> path) {
        if (path.isEmpty()) {
            return "";
        }
        List<String> head = path.subList(0, Math.min(2, path.size()));
        return "[" + String.join(".", head.stream().map(TomlKeys::quote).toList()) + "]";
    }
}
