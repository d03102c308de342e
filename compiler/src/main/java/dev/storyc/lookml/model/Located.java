package dev.storyc.lookml.model;

import dev.storyc.diag.Position;
import java.util.Objects;

/**
 * A Located is a value as a file writes it, with where: a view name in {@code from:}, a field in
 * a {@code fields:} list, an include pattern. Checks report problems at the position.
 */
public record Located(String value, Position position) {
    public Located {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
    }

    @Override
    public String toString() {
        return value + " @ " + position;
    }
}
