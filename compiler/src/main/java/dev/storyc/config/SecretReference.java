package dev.storyc.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A SecretReference stands for a value read from the process environment ({@code ${env:VAR}}). The
 * compiler carries the reference, never the value: normal forms, hashes and messages show only the
 * variable's name, and a template that tries to render one is an error.
 */
public record SecretReference(String variable, Optional<String> fallback) {
    public SecretReference {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(fallback, "fallback");
    }

    /** Returns the reference as written, such as {@code ${env:PGPASSWORD}}. */
    public String spelling() {
        return "${env:" + variable + fallback.map(f -> ":-" + f).orElse("") + "}";
    }

    /** Deliberately the spelling, so that an accidental string conversion cannot leak a value. */
    @Override
    public String toString() {
        return spelling();
    }
}
