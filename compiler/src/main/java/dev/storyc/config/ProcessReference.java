package dev.storyc.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code ${env:NAME}} or {@code ${env:NAME:-default}} standing for a whole value, as a generated
 * file carries a value read from the process so that it is read again where the file is used
 * (emit's {@code warehouse/connection.toml}). Read with environments.toml's own {@link
 * Interpolation}, so that the two cannot disagree on what a reference is; a literal is written
 * with {@code ${} escaped the same way, so that it is never read back as a reference.
 *
 * @param name the variable
 * @param fallback the default, used when the variable is unset
 */
public record ProcessReference(String name, Optional<String> fallback) {
    /** Returns the reference when {@code spelling} is exactly one {@code ${env:...}}. */
    public static Optional<ProcessReference> whole(String spelling) {
        List<Interpolation.Part> parts = Interpolation.parse(spelling).parts();
        if (parts.size() == 1
                && parts.get(0) instanceof Interpolation.Reference reference
                && reference.target() instanceof Interpolation.Variable variable
                && variable.prefix().equals("env")
                && Interpolation.parse(spelling).unclosedAt().isEmpty()) {
            return Optional.of(new ProcessReference(variable.name(), variable.fallback()));
        }
        return Optional.empty();
    }

    /** Returns a literal value spelled so that reading it gives it back: {@code ${} escaped. */
    public static String literal(String value) {
        return Interpolation.escape(value);
    }

    /**
     * Returns what a value written by {@link #whole} or {@link #literal} stands for: the variable's
     * value in {@code process} (its default when unset; empty when unset without one), or the
     * literal with its escapes read. A value holding other references is empty: nothing writes one.
     */
    public static Optional<String> read(String written, Map<String, String> process) {
        Optional<ProcessReference> reference = whole(written);
        if (reference.isPresent()) {
            return Optional.ofNullable(process.get(reference.get().name())).or(reference.get()::fallback);
        }
        StringBuilder text = new StringBuilder();
        for (Interpolation.Part part : Interpolation.parse(written).parts()) {
            if (!(part instanceof Interpolation.Literal literal)) {
                return Optional.empty();
            }
            text.append(literal.text());
        }
        return Optional.of(text.toString());
    }
}
