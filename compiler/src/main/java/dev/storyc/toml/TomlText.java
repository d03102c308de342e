package dev.storyc.toml;

/** TomlText writes TOML literals; generated files (lock, plan) use it so that any value round-trips. */
public final class TomlText {
    private TomlText() {}

    /** Returns a TOML basic string literal, escaping quotes, backslashes and control characters. */
    public static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Returns a key that is bare when possible and quoted otherwise. */
    public static String key(String key) {
        return TomlKeys.quote(key);
    }
}
