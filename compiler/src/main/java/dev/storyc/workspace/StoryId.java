package dev.storyc.workspace;

import java.util.Objects;
import java.util.regex.Pattern;

/** A StoryId names one story; it is also its folder name under {@code stories/}. */
public record StoryId(String value) implements Comparable<StoryId> {
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]*");

    public StoryId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid story id: " + value);
        }
    }

    /**
     * The longest story id: PostgreSQL cuts names at 63 bytes, and the warehouse registry keeps a
     * story's id in a column of 64 characters, so a longer id checked and compiled but could never
     * be deployed.
     */
    public static final int MAX_LENGTH = 63;

    /**
     * Returns true when {@code text} has the shape of a story id: {@code [a-z][a-z0-9-]*}, at most
     * {@link #MAX_LENGTH} characters.
     */
    public static boolean isValid(String text) {
        return text.length() <= MAX_LENGTH && SHAPE.matcher(text).matches();
    }

    @Override
    public int compareTo(StoryId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
