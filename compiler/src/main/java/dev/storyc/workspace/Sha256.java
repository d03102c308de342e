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

    /** Returns {@code sha256:<hex>} of a text's UTF-8 bytes. */
    public static String tagged(String text) {
        return "sha256:" + hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
