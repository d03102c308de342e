package dev.storyc.workspace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content hashes: import pins, environment identities and warehouse script hashes all use sha256,
 * and the ones written into files carry a {@code sha256:} prefix so the algorithm can change.
 */
public final class Sha256 {
    private Sha256() {}

    /** Returns the lower-case hex sha256 of some bytes. */
    public static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Returns a digest of several texts, each length-prefixed so that no two lists collide. */
    public static Parts parts() {
        return new Parts();
    }

    /**
     * A sha256 over a sequence of texts. Each text is preceded by its length, so that
     * {@code ["ab", "c"]} and {@code ["a", "bc"]} differ: cache keys are built from such lists.
     */
    public static final class Parts {
        private final MessageDigest digest;

        private Parts() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }

        /** Adds one text. */
        public Parts add(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
            return this;
        }

        /** Returns the lower-case hex digest of everything added; the builder is spent. */
        public String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** Returns {@code sha256:<hex>} of a text's UTF-8 bytes. */
    public static String tagged(String text) {
        return "sha256:" + hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
