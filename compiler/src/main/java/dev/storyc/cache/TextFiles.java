package dev.storyc.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The payload layout of an entry that holds files: a count, then each path and text as
 * length-prefixed UTF-8. Written by hand because it is six lines and read on a hot path; the
 * entry's checksum has already vouched for the bytes, so a layout error means another layout.
 */
public final class TextFiles {
    private static final int MAGIC = 0x53544631; // "STF1"

    private TextFiles() {}

    /** Returns the payload of {@code files}, in path order. */
    public static byte[] encode(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(files.size());
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                write(out, file.getKey());
                write(out, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Returns the files of a payload, or empty when it is not one. */
    public static Optional<Map<String, String>> decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readInt() != MAGIC) {
                return Optional.empty();
            }
            int count = in.readInt();
            Map<String, String> files = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                files.put(read(in), read(in));
            }
            return in.available() == 0 ? Optional.of(files) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void write(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a length beyond the payload");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
