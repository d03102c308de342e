package dev.storyc.emit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

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
     * Returns the length of the file's UTF-8 bytes: what a working tree compares with a file's
     * size, without inflating a packed one.
     */
    public long byteLength() {
        return text != null ? text.getBytes(StandardCharsets.UTF_8).length : size;
    }

    /**
     * Returns this file with its text held deflated when it is at least {@link #PACK_AT}
     * characters long, else this file.
     */
    public OutputFile packed() {
        if (text == null || text.length() < PACK_AT) {
            return this;
        }
        // The fastest level: these texts repeat one document per job, so it already shrinks them
        // twentyfold, and the time is paid once per environment on the compile's critical path.
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            ByteArrayOutputStream deflated = new ByteArrayOutputStream(text.length() / 16);
            try (Writer out = new OutputStreamWriter(new DeflaterOutputStream(deflated, deflater),
                    StandardCharsets.UTF_8)) {
                out.write(text);
            }
            return new OutputFile(path, null, deflated.toByteArray(),
                    Math.toIntExact(deflater.getBytesRead()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        } finally {
            deflater.end();
        }
    }

    private byte[] inflate() {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated))) {
            byte[] bytes = in.readNBytes(size);
            if (bytes.length != size) {
                throw new IllegalStateException("packed " + path + " inflated to " + bytes.length
                        + " of " + size + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            // Only this class deflated these bytes, in memory: a failure is a bug, not a user's.
            throw new IllegalStateException("packed " + path + " does not inflate", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutputFile file && path.equals(file.path)
                && text().equals(file.text());
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
