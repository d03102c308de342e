package dev.storyc.cache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * How an entry's bytes are laid out on disk: a header line naming the format, the CRC-32C and the
 * length of the payload, then the payload. A file cut short by a kill, flipped by a disk or
 * edited by hand no longer matches its length or checksum, and {@link #open} then says it is
 * absent: a corrupt entry is rebuilt, never trusted. The checksum covers the entry's key too, so
 * an intact entry under another key's file name (copied, moved or restored there) is absent as
 * well: it would be another environment's facts.
 *
 * <p>Why a CRC and not a cryptographic digest: the check guards against damage, not against an
 * adversary, who could as well write the output repositories the cache vouches for. CRC-32C is
 * what file systems and storage engines check blocks with, and the JVM computes it with the
 * processor's instruction; a compile reads megabytes of entries, and verifying them with sha256
 * was a fifteenth of a one-story-edit compile at 1,000 stories.
 */
public final class CacheEntry {
    /** The header's first word; a later layout gets another, and old entries simply miss. */
    static final String FORMAT = "storyc-cache-3";

    /** The header's length: the format, the checksum and the length in hex, and a newline. */
    static final int HEADER = FORMAT.length() + 1 + 8 + 1 + 16 + 1;

    private CacheEntry() {}

    /** Returns the bytes to store for {@code payload} under {@code key}. */
    public static byte[] seal(CacheKey key, byte[] payload) {
        byte[] header = (FORMAT + " " + checksum(key, payload, 0) + " "
                + HexFormat.of().toHexDigits((long) payload.length) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] stored = Arrays.copyOf(header, header.length + payload.length);
        System.arraycopy(payload, 0, stored, header.length, payload.length);
        return stored;
    }

    /** Returns the payload of stored bytes, or empty when they are not a whole, intact entry of {@code key}. */
    public static Optional<byte[]> open(CacheKey key, byte[] stored) {
        if (stored.length < HEADER || stored[HEADER - 1] != '\n') {
            return Optional.empty();
        }
        String header = new String(stored, 0, HEADER - 1, StandardCharsets.US_ASCII);
        String length = HexFormat.of().toHexDigits((long) (stored.length - HEADER));
        if (!header.equals(FORMAT + " " + checksum(key, stored, HEADER) + " " + length)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(stored, HEADER, stored.length));
    }

    /** Returns the CRC-32C of the key and of {@code bytes} from {@code offset} on, as eight hex digits. */
    private static String checksum(CacheKey key, byte[] bytes, int offset) {
        CRC32C crc = new CRC32C();
        crc.update(key.hex().getBytes(StandardCharsets.US_ASCII));
        crc.update(bytes, offset, bytes.length - offset);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
