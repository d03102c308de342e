package dev.storyc.toml;

import java.util.regex.Pattern;

/** TomlKeys quotes keys so that tomlj's dotted-path lookups treat them as one segment. */
public final class TomlKeys {
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_-]+");

    private TomlKeys() {}

    /** Returns {@code key} as a single TOML key segment: bare when it can be, quoted otherwise. */
    public static String quote(String key) {
        return BARE.matcher(key).matches() ? key : TomlText.string(key);
    }
}
