package dev.storyc.phi;

import java.util.Objects;

/**
 * One LookML file of an environment as the phi stage reads it: its template path (which
 * diagnostics name) and its text, rendered or already rewritten.
 */
record LookmlText(String path, String text) {
    LookmlText {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
