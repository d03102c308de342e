package dev.storyc.check;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives each distinct rendered text of a template path one number and one {@code String} instance
 * for the life of a {@link Checks}. Most files render to the same text in most environments; once
 * interned, an environment's texts are compared by number ("were these files already checked
 * clean?") and every parse-cache lookup finds the very instance it stored, so no full text is
 * compared twice. The one full comparison per file happens here, on first sight.
 */
final class RenderedTexts {
    /** A text's shared instance and its number. */
    record Interned(String text, int id) {}

    private final Map<String, Map<String, Interned>> byPath = new HashMap<>();
    private int next;

    /** Returns the shared instance and number of {@code text} as rendered from {@code path}. */
    Interned intern(String path, String text) {
        return byPath.computeIfAbsent(path, p -> new HashMap<>(4))
                .computeIfAbsent(text, t -> new Interned(t, next++));
    }
}
