package dev.storyc.cache;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cache's size cap, as the {@code cache.max_size} setting writes it: a number of bytes with an
 * optional unit, {@code KB}, {@code MB} or {@code GB} (powers of 1024, as {@code du -h} counts).
 */
public final class CacheSize {
    /** What an unset {@code cache.max_size} means: room for many workspaces' worth of facts. */
    public static final long DEFAULT_BYTES = 512L * 1024 * 1024;

    /** The accepted spelling, for the setting's own validation. */
    public static final String PATTERN = "(?i)\\s*[0-9]{1,12}\\s*(b|kb|mb|gb)?\\s*";

    private static final Pattern PARTS =
            Pattern.compile("(?i)\\s*([0-9]{1,12})\\s*(b|kb|mb|gb)?\\s*");

    private CacheSize() {}

    /** Returns the bytes {@code text} stands for, or empty when it is not a size. */
    public static Optional<Long> parse(String text) {
        Matcher matcher = PARTS.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long number = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT);
        int shift =
                switch (unit) {
                    case "kb" -> 10;
                    case "mb" -> 20;
                    case "gb" -> 30;
                    default -> 0;
                };
        // Twelve digits of gigabytes exceed a long: such a cap means no cap, so it saturates
        // rather than wrapping round to a small or negative one that would empty the cache.
        return Optional.of(number > Long.MAX_VALUE >> shift ? Long.MAX_VALUE : number << shift);
    }
}
