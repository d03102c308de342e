package dev.storyc.config;

import dev.storyc.workspace.Sha256;
import dev.storyc.toml.TomlText;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.TreeMap;

/**
 * The normal form of an environment: every value resolved, one {@code dotted.key = value} line per
 * leaf, keys sorted, values canonical, secrets and values read from secret sources as their
 * reference ({@link Tainted}). It is valid TOML, so a user can
 * read it, and its sha256 is the environment's identity in lock files and commit trailers.
 */
public final class NormalForm {
    private NormalForm() {}

    /** Returns the canonical text of a resolved value tree. */
    public static String of(Map<String, Object> values) {
        StringBuilder out = new StringBuilder();
        leaves(values).forEach((key, value) -> out.append(key).append(" = ").append(value).append('\n'));
        return out.toString();
    }

    /**
     * Returns each leaf's dotted key and canonical TOML literal: the lines of the normal form, in
     * its order (keys sorted table by table).
     */
    public static Map<String, String> leaves(Map<String, Object> values) {
        Map<String, String> leaves = new LinkedHashMap<>();
        write(leaves, "", values);
        return leaves;
    }

    /** Returns {@code sha256:<hex>} of a normal form. */
    public static String hash(String normalForm) {
        return Sha256.tagged(normalForm);
    }

    private static void write(Map<String, String> out, String prefix, Map<String, Object> table) {
        for (Map.Entry<String, Object> entry : new TreeMap<>(table).entrySet()) {
            String key = prefix + TomlText.key(entry.getKey());
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
                write(out, key + ".", cast(nested));
            } else {
                out.put(key, literal(value));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** Returns the canonical TOML literal of a plain value; a secret is its reference, as a string. */
    static String literal(Object value) {
        if (value instanceof String text) {
            return TomlText.string(text.replace("${", "$${"));
        } else if (value instanceof SecretReference secret) {
            return TomlText.string(secret.spelling());
        } else if (value instanceof Tainted tainted) {
            // The spelling, not the value: the hash must not depend on what the process holds.
            return TomlText.string(tainted.spelling());
        } else if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            String separator = " ";
            for (Map.Entry<String, Object> entry : new TreeMap<>(cast(map)).entrySet()) {
                out.append(separator).append(TomlText.key(entry.getKey())).append(" = ").append(literal(entry.getValue()));
                separator = ", ";
            }
            return out.append(map.isEmpty() ? "}" : " }").toString();
        } else if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(literal(list.get(i)));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }
}
