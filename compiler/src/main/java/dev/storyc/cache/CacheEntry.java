package dev.storyc.cache;

import dev.storyc.workspace.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * How an entry's bytes are laid out on disk: a header line naming the format and the sha256 of the
 * payload, then the payload. A file cut short by a kill, flipped by a disk or edited by hand no
 * longer matches its checksum, and {@link #open} then says it is absent: a corrupt entry is
 * rebuilt, never trusted.
 */
public final class CacheEntry {
    /** The header's first word; a later layout gets another, and old entries simply miss. */
    static final String FORMAT = "storyc-cache-1";

    private static final int HEADER = FORMAT.length() + 1 + 64 + 1;

    private CacheEntry() {}

    /** Returns the bytes to store for {@code payload}. */
    public static byte[] seal(byte[] payload) {
        byte[] header =
                (FORMAT + " " + Sha256.hex(payload) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] stored = Arrays.copyOf(header, header.length + payload.length);
        System.arraycopy(payload, 0, stored, header.length, payload.length);
        return stored;
    }

    /** Returns the payload of stored bytes, or empty when they are not a whole, intact entry. */
    public static Optional<byte[]> open(byte[] stored) {
        if (stored.length < HEADER || stored[HEADER - 1] != '\n') {
            return Optional.empty();
        }
        String header = new String(stored, 0, HEADER - 1, StandardCharsets.US_ASCII);
        if (!header.startsWith(FORMAT + " ")) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOfRange(stored, HEADER, stored.length);
        return header.substring(FORMAT.length() + 1).equals(Sha256.hex(payload))
                ? Optional.of(payload)
                : Optional.empty();
    }
}
