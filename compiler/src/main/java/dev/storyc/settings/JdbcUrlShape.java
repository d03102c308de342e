package dev.storyc.settings;

/**
 * Pieces of the pattern {@link Setting#WAREHOUSE_URL} checks: what PostgreSQL's JDBC driver
 * parses. A URL the driver cannot parse would otherwise pass the setting's check and fail only
 * when connecting, as an operational failure with the driver's raw words.
 */
final class JdbcUrlShape {
    /** A port the driver accepts: 1 to 65535. */
    static final String PORT =
            "([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";

    /** A host name or address, or a bracketed IPv6 address, with an optional port. */
    static final String HOST_AND_PORT = "(\\[[0-9a-f:.]+\\]|[^\\s/:?,\\[\\]%]*)(:" + PORT + ")?";

    /** One character of a path or query: anything but space, or a percent escape. */
    static final String ESCAPED = "([^\\s%?]|%[0-9a-f]{2})";

    private JdbcUrlShape() {}
}
