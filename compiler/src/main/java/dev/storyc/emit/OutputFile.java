package dev.storyc.emit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One file of an output repository: a repository-relative path and its text.
 *
 * <p>A compile holds every checked environment's tree until all are checked, since nothing is
 * written before. Most files are shared between environments, but the largest are not: each
 * environment's {@code schedules/kubernetes.yaml}, {@code schedules/crontab} and {@code plan.toml}
 * name the environment, and at 5,000 stories they are 10 MB per environment, 120 MB of the 12
 * trees. {@link #packed} keeps such a text deflated until it is read (two or three times, when it
 * is published); it deflates to a twentieth. A packed file equals the unpacked one: only its
 * memory differs.
 */
public final class OutputFile {
    /** Texts at least this long are worth packing; smaller ones are rarely unshared. */
    static final int PACK_AT = 1 << 20;

    private final String path;
    /** The text, or null when packed. */
    private final String text;
    /** The text's UTF-8 bytes deflated, or null when not packed. */
    private final byte[] deflated;
    /** The length of the text's UTF-8 bytes, when packed. */
    private final int size;

    public OutputFile(String path, String text) {
        this(Objects.requireNonNull(path, "path"), Objects.requireNonNull(text, "text"), null, 0);
    }

    private OutputFile(String path, String text, byte[] deflated, int size) {
        this.path = path;
        this.text = text;
        this.deflated = deflated;
        this.size = size;
    }

    public String path() {
        return path;
    }

    public String text() {
        return text != null ? text : new String(bytes(), StandardCharsets.UTF_8);
    }

    public byte[] bytes() {
        return text != null ? text.getBytes(StandardCharsets.UTF_8) : inflate();
    }

    /** Returns whether the text is held deflated. */
    public boolean isPacked() {
        return deflated != null;
    }

    /**
     * Returns this file with its text held deflated when it is at least {@link #PACK_AT}
     * characters long, else this file.
     */
    public OutputFile packed() {
        if (text == null || text.length() < PACK_AT) {
            return this;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // The fastest level: these texts repeat one document per job, so it already shrinks them
        // twentyfold, and the time is paid once per environment on the compile's critical path.
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 16);
            byte[] chunk = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return new OutputFile(path, null, out.toByteArray(), bytes.length);
        } finally {
            deflater.end();
        }
    }

    private byte[] inflate() {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            byte[] bytes = new byte[size];
            int filled = 0;
            while (filled < size) {
                int n = inflater.inflate(bytes, filled, size - filled);
                if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                    break;
                }
                filled += n;
            }
            if (filled != size) {
                throw new IllegalStateException("packed " + path + " inflated to " + filled
                        + " of " + size + " bytes");
            }
            return bytes;
        } catch (DataFormatException e) {
            // Only this class deflated these bytes, in memory: a failure is a bug, not a user's.
            throw new IllegalStateException("packed " + path + " does not inflate", e);
        } finally {
            inflater.end();
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof OutputFile file) || !path.equals(file.path)) {
            return false;
        }
        if (deflated != null && file.deflated != null) {
            return size == file.size && Arrays.equals(deflated, file.deflated)
                    || text().equals(file.text());
        }
        return text().equals(file.text());
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + text().hashCode();
    }

    @Override
    public String toString() {
        return "OutputFile[path=" + path + ", text=" + text() + "]";
    }
}
