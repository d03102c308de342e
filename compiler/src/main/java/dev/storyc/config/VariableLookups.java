package dev.storyc.config;

import java.util.Optional;
import java.util.Set;
import org.apache.commons.configuration2.interpol.ConfigurationInterpolator;

/**
 * Reads {@code ${env:VAR}} and {@code ${sys:NAME}} through Commons Configuration's
 * {@link ConfigurationInterpolator}, with exactly two lookups registered. Every other prefix
 * ({@code file:}, {@code url:}, {@code script:}, {@code dns:}, ...) is refused by
 * {@link Interpolation} before it gets here, and would find no lookup if it did.
 *
 * <p>A value read from the process is data, never a template: its {@code ${} is escaped before the
 * interpolator sees it, so a variable holding {@code ${env:OTHER}} cannot read a second variable.
 */
final class VariableLookups {
    /** The lookup prefixes environments.toml may use. */
    static final Set<String> ALLOWED = Set.of("env", "sys");

    private final ConfigurationInterpolator interpolator = new ConfigurationInterpolator();

    VariableLookups(ProcessValues process) {
        interpolator.registerLookup("env", name -> escape(process.environment().apply(name)));
        interpolator.registerLookup("sys", name -> escape(process.systemProperties().apply(name)));
    }

    /** Returns the value of a variable reference, its default when unset, or empty when neither exists. */
    Optional<String> read(Interpolation.Variable variable) {
        String key = variable.prefix() + ":" + variable.name();
        if (interpolator.resolve(key) == null && variable.fallback().isEmpty()) {
            return Optional.empty();
        }
        Object value = interpolator.interpolate("${" + key + variable.fallback().map(f -> ":-" + f).orElse("") + "}");
        return Optional.of(String.valueOf(value));
    }

    /** Returns the value of a secret reference at the moment it is used. */
    Optional<String> read(SecretReference secret) {
        return read(new Interpolation.Variable("env", secret.variable(), secret.fallback()));
    }

    private static Object escape(Optional<String> value) {
        return value.map(v -> v.replace("${", "$${")).orElse(null);
    }
}
