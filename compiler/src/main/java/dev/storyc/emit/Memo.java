package dev.storyc.emit;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Remembers output files that are derived from text, across runs, by a digest of everything they
 * derive from: when the digest is known, its files are returned without deriving them again. emit
 * stays pure; the edge decides where the files are kept ({@code cache}).
 */
@FunctionalInterface
public interface Memo {
    /** Remembers nothing: always derives. */
    Memo NONE = (key, derive) -> derive.get();

    /**
     * Returns the files (path to text) that {@code derive} returns for inputs whose digest is
     * {@code key}; {@code key} must cover every input and the kind of derivation.
     */
    Map<String, String> files(String key, Supplier<Map<String, String>> derive);
}
