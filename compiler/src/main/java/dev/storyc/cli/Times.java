package dev.storyc.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How text reports show a moment: to the second, in UTC, one width everywhere, so that columns line
 * up and `warehouse` and `etl` read alike. JSON keeps the full instant.
 */
final class Times {
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    static String shown(Instant instant) {
        return SHOWN.format(instant);
    }
}
