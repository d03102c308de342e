package dev.storyc.compile;

import dev.storyc.check.ParseMemo;
import dev.storyc.config.Environment;
import dev.storyc.emit.Memo;

import java.util.Optional;

/**
 * What the edge remembers of earlier runs, asked before an environment is compiled: whether a
 * compile of exactly these inputs passed every check without a single diagnostic and, for a command
 * that writes, whether the output repository still holds what that compile committed. An
 * environment it vouches for is not rendered, checked or published again. {@code compile} stays
 * pure: the CLI answers from {@code cache.CacheStore} and the output repository.
 */
public interface Reuse {
    /** Never vouches for anything: every environment is compiled ({@code --no-cache}). */
    Reuse NONE =
            new Reuse() {
                @Override
                public Optional<String> upToDate(
                        Environment environment, String fingerprint, Optional<String> releaseTag) {
                    return Optional.empty();
                }

                @Override
                public String salt() {
                    return "";
                }
            };

    /**
     * Returns a witness (the output's head commit, or a word for a command that writes nothing)
     * when the environment, whose inputs have {@code fingerprint}, needs no compile; else empty.
     *
     * @param releaseTag the tag a compile points at its commit (a sealed release's), if any
     */
    Optional<String> upToDate(
            Environment environment, String fingerprint, Optional<String> releaseTag);

    /**
     * Returns a secret of this machine's cache that fingerprints mix into their digest of secret
     * values, so that a fingerprint, which names a cache file, reveals nothing about them.
     */
    String salt();

    /** Returns where derived files are remembered across runs; by default nowhere. */
    default Memo memo() {
        return Memo.NONE;
    }

    /** Returns where the checks' parses are remembered across runs; by default nowhere. */
    default ParseMemo parses() {
        return ParseMemo.NONE;
    }

    /** Returns whether this reuse can ever vouch; fingerprints are not computed when it cannot. */
    default boolean active() {
        return this != NONE;
    }
}
