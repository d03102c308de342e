package dev.storyc.config;

import java.util.Objects;

/**
 * A value computed from a secret source: read from {@code ${env:VAR}} into a field that is not
 * typed {@code secret}, or interpolated from such a value or from a secret. It is carried, because
 * the tools that run the output may need it (a warehouse host, an output remote with a token), but
 * it is never shown, hashed or rendered: every view and the normal form print its
 * {@link #spelling}, the text as written in environments.toml, and templates and written fields
 * refuse it.
 *
 * @param value the value as read, typed like the field (a string, an integer...)
 * @param spelling the value as written, such as {@code ${env:WAREHOUSE_HOST}}
 */
public record Tainted(Object value, String spelling) {
    public Tainted {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(spelling, "spelling");
    }

    /** Returns true for a value that must not be shown: a secret reference or a tainted value. */
    public static boolean isSecret(Object value) {
        return value instanceof SecretReference || value instanceof Tainted;
    }

    /** Returns the value itself, unwrapped when tainted. */
    public static Object reveal(Object value) {
        return value instanceof Tainted tainted ? tainted.value() : value;
    }

    /** Deliberately the spelling, so that an accidental string conversion cannot leak a value. */
    @Override
    public String toString() {
        return spelling;
    }
}
