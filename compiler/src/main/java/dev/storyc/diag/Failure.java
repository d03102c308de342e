package dev.storyc.diag;

import java.util.Optional;

/**
 * A problem that is not about the project's files, so it has no code or position: a database that
 * cannot be reached, a push the remote refused, a folder that cannot be written. It is told in
 * words, with what to do next when storyc knows.
 */
public record Failure(String message, Optional<String> hint) {
    public Failure {
        java.util.Objects.requireNonNull(message, "message");
        java.util.Objects.requireNonNull(hint, "hint");
    }
}
