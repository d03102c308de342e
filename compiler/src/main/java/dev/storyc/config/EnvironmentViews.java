package dev.storyc.config;

import dev.storyc.diag.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * EnvironmentViews writes an environment's resolved values for people and tools: TOML with one
 * table per record, JSON, and a structural diff of two normal forms. Secrets appear as their
 * reference, such as {@code "${env:PGPASSWORD}"}, in every view.
 */
public final class EnvironmentViews {
    private EnvironmentViews() {}

    /** Returns the values as TOML: top-level keys first, then one {@code [table]} per nested record. */
    public static String toml(Map<String, Object> values) {
        StringBuilder out = new StringBuilder();
        writeTable(out, "", values);
        return out.toString();
    }

    private static void writeTable(StringBuilder out, String name, Map<String, Object> table) {
        Map<String, Object> sorted = new TreeMap<>(table);
        List<Map.Entry<String, Object>> nested = new ArrayList<>();
        if (!name.isEmpty()) {
            out.append(out.length() == 0 ? "" : "\n").append('[').append(name).append("]\n");
        }
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> map && !map.isEmpty()) {
                nested.add(entry);
            } else {
                out.append(dev.storyc.toml.TomlText.key(entry.getKey())).append(" = ")
                        .append(NormalForm.literal(entry.getValue())).append('\n');
            }
        }
        for (Map.Entry<String, Object> entry : nested) {
            String key = dev.storyc.toml.TomlText.key(entry.getKey());
            writeTable(out, name.isEmpty() ? key : name + "." + key, cast(entry.getValue()));
        }
    }

    /** Returns the values as a JSON object with sorted keys and two-space indentation. */
    public static String json(Map<String, Object> values) {
        // Objects spread over lines, arrays stay on one; secrets print as their reference.
        return Json.write(sorted(values), (path, array) -> !array, Json.Escaping.CONTROL) + "\n";
    }

    /** Returns a copy with every map's keys sorted, secrets and tainted values as their spelling. */
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            cast(map).forEach((k, v) -> copy.put(k, sorted(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EnvironmentViews::sorted).toList();
        }
        return Tainted.isSecret(value) ? String.valueOf(value) : value;
    }

    /**
     * Returns a structural diff of two environments' normal forms, one line per leaf that differs:
     * {@code - key = old} only in the first, {@code + key = new} only in the second, and
     * {@code ~ key = old -> new} in both with different values. Empty when they are the same.
     */
    public static List<String> diff(Environment a, Environment b) {
        Map<String, String> left = withoutName(NormalForm.leaves(a.values()));
        Map<String, String> right = withoutName(NormalForm.leaves(b.values()));
        TreeMap<String, Boolean> keys = new TreeMap<>();
        left.keySet().forEach(k -> keys.put(k, true));
        right.keySet().forEach(k -> keys.put(k, true));
        List<String> lines = new ArrayList<>();
        for (String key : keys.keySet()) {
            String was = left.get(key);
            String now = right.get(key);
            if (now == null) {
                lines.add("- " + key + " = " + was);
            } else if (was == null) {
                lines.add("+ " + key + " = " + now);
            } else if (!was.equals(now)) {
                lines.add("~ " + key + " = " + was + " -> " + now);
            }
        }
        return lines;
    }

    /** The name differs between any two environments; a diff is about what they are, not what they are called. */
    private static Map<String, String> withoutName(Map<String, String> leaves) {
        Map<String, String> copy = new LinkedHashMap<>(leaves);
        copy.remove("name");
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }
}
