package dev.storyc.lookml.json;

import java.util.List;
import java.util.Map;

/**
 * Writes plain values (maps, lists and strings) as JSON, laid out the way Python's
 * {@code json.dumps(value, indent=2)} lays them out, so that output can be compared byte for byte
 * with what Python tools produce. Non-ASCII characters are escaped as {@code \}{@code uXXXX}, as
 * Python does by default.
 */
public final class JsonWriter {
    private JsonWriter() {}

    /** Returns the JSON text of a value, ending without a newline. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            String sep = "\n";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(sep);
                pad(out, indent + 2);
                string(out, String.valueOf(e.getKey()));
                out.append(": ");
                write(out, e.getValue(), indent + 2);
                sep = ",\n";
            }
            out.append('\n');
            pad(out, indent);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            String sep = "\n";
            for (Object item : list) {
                out.append(sep);
                pad(out, indent + 2);
                write(out, item, indent + 2);
                sep = ",\n";
            }
            out.append('\n');
            pad(out, indent);
            out.append(']');
        } else if (value == null) {
            out.append("null");
        } else {
            string(out, value.toString());
        }
    }

    private static void pad(StringBuilder out, int n) {
        out.append(" ".repeat(n));
    }

    /** Appends a JSON string literal. */
    public static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
