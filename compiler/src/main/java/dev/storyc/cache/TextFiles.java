package dev.storyc.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

/**
 * The payload layout of an entry that holds files: a count, then each path and text as
 * length-prefixed UTF-8. Written by hand because it is six lines and read on a hot path; the
 * entry's checksum has already vouched for the bytes, so a layout error means another layout.
 *
 * <p>{@link #deflated} wraps the same layout in a deflate stream, after its length: derived files
 * such as an environment's {@code kubernetes.yaml} repeat one document per job and shrink 25
 * times, which is what a run holds in memory until it succeeds and what the cache keeps on disk.
 */
public final class TextFiles {
    private static final int MAGIC = 0x53544631; // "STF1"
    private static final int DEFLATED = 0x5354465a; // "STFZ"

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

    /**
     * Returns the payload of {@code files} as {@link #encode} lays it out, deflated. The layout
     * is streamed into the deflater rather than built first: for a large environment it is 8 MB
     * that two jobs would otherwise hold at once, just to be thrown away.
     */
    public static byte[] deflated(Map<String, String> files) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try {
            bytes.write(new byte[8], 0, 8); // the magic and the plain length, set below
            DataOutputStream out = new DataOutputStream(
                    new DeflaterOutputStream(bytes, deflater, 64 * 1024));
            try (out) {
                out.writeInt(MAGIC);
                out.writeInt(files.size());
                for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                    write(out, file.getKey());
                    write(out, file.getValue());
                }
            }
            byte[] payload = bytes.toByteArray();
            ByteBuffer.wrap(payload).putInt(0, DEFLATED).putInt(4, out.size());
            return payload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
    }

    /** Returns the files of a payload, plain or {@link #deflated}, or empty when it is not one. */
    public static Optional<Map<String, String>> decode(byte[] payload) {
        if (payload.length >= 8 && ByteBuffer.wrap(payload).getInt(0) == DEFLATED) {
            return inflate(payload).flatMap(TextFiles::decode);
        }
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

    /**
     * Returns the plain payload inside a deflated one, or empty when it does not inflate to it.
     * An Inflater over the array rather than a stream: a payload with bytes after its deflate
     * stream is not this layout, and only the Inflater says how many it left.
     */
    private static Optional<byte[]> inflate(byte[] payload) {
        int length = ByteBuffer.wrap(payload).getInt(4);
        // Deflate expands at most 1032 times: a larger claim is not this layout, and is not
        // allocated.
        if (length < 8 || length / 1032 > payload.length) {
            return Optional.empty();
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(payload, 8, payload.length - 8);
            byte[] plain = new byte[length];
            int filled = 0;
            while (filled < length) {
                int n = inflater.inflate(plain, filled, length - filled);
                if (n == 0 && (inflater.finished() || inflater.needsInput()
                        || inflater.needsDictionary())) {
                    break;
                }
                filled += n;
            }
            return filled == length && inflater.finished() && inflater.getRemaining() == 0
                    && ByteBuffer.wrap(plain).getInt(0) == MAGIC
                    ? Optional.of(plain) : Optional.empty();
        } catch (DataFormatException | RuntimeException e) {
            return Optional.empty();
        } finally {
            inflater.end();
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
