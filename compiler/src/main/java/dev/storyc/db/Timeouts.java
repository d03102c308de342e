package dev.storyc.db;

import java.time.Duration;

/**
 * How long storyc waits on a warehouse: to connect (and log in), and for another apply's lock.
 * Statements themselves have no timeout, since a deploy script may legitimately run for hours.
 */
public record Timeouts(Duration connect, Duration lock) {
    /** Ten seconds to connect, a minute for the lock. */
    public static final Timeouts DEFAULT =
            new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));

    public Timeouts {
        if (connect.isNegative() || lock.isNegative()) {
            throw new IllegalArgumentException("timeouts are not negative");
        }
    }
}
