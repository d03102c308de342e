package dev.storyc.diag;

import java.util.Objects;

/** A second location that explains a diagnostic, such as "previously defined here". */
public record Related(Position position, String message) {
    public Related {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
    }
}
