package dev.storyc.db;

import java.util.Objects;

/**
 * A Secret is a password read from the process environment at the moment a connection opens. It
 * prints as {@code ****} and compares by identity, so neither a message, a log line, a record's
 * {@code toString} nor a JSON document can carry its value by accident; only {@link Connector}
 * reads it, to hand it to the driver.
 */
public final class Secret {
    private final String value;
    private final String source;

    /**
     * @param value the password itself
     * @param source where it came from, such as {@code ${env:STORYC_PROD_WAREHOUSE_PASSWORD}}; safe
     *     to print
     */
    public Secret(String value, String source) {
        this.value = Objects.requireNonNull(value, "value");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Returns where the value came from, for messages: never the value. */
    public String source() {
        return source;
    }

    /** Returns the value; package-private so that only the connector can read it. */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
