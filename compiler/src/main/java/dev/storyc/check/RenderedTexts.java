package dev.storyc.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives each distinct rendered text of a template path one number and one {@code String} instance
 * for the life of a {@link Checks}, on every job's thread. Most files render to the same text in
 * most environments; once interned, an environment's texts are compared by number ("were these
 * files already checked clean?") and every parse-cache lookup finds the very instance it stored,
 * so no full text is compared twice. The one full comparison per file happens here, on first
 * sight. Which number a text gets depends on which job saw it first; numbers are only ever
 * compared for equality within one run, so no output depends on them.
 */
final class RenderedTexts {
    /** A text's shared instance and its number. */
    record Interned(String text, int id) {}

    private final Map<String, Map<String, Interned>> byPath = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    /** Returns the shared instance and number of {@code text} as rendered from {@code path}. */
    Interned intern(String path, String text) {
        return byPath.computeIfAbsent(path, p -> new ConcurrentHashMap<>(4))
                .computeIfAbsent(text, t -> new Interned(t, next.getAndIncrement()));
    }
}
