package dev.storyc.cache;

import dev.storyc.workspace.Sha256;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The address of one cache entry: a sha256 of everything its content depends on. Two runs that
 * build the same key from the same parts find each other's entry; a change of any part gives
 * another key, so an entry is never stale, only unused (and evicted in time).
 *
 * @param hex 64 lower-case hex digits
 */
public record CacheKey(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public CacheKey {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a cache key is 64 hex digits, not `" + hex + "`");
        }
    }

    /**
     * Returns the key of {@code parts}: the first names what kind of fact the entry holds, so that
     * two kinds of entry never share a key even when the rest of their parts are equal.
     */
    public static CacheKey of(String kind, String... parts) {
        Sha256.Parts digest = Sha256.parts().add(kind);
        for (String part : parts) {
            digest.add(part);
        }
        return new CacheKey(digest.hex());
    }

    /**
     * Returns the entry's file name relative to the cache's root: two-digit folder, then the rest.
     */
    String relativePath() {
        return hex.substring(0, 2) + "/" + hex.substring(2);
    }
}
