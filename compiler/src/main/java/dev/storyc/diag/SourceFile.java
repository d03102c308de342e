package dev.storyc.diag;

import java.util.Arrays;
import java.util.Objects;

/**
 * A SourceFile is the text of one input file, keyed by its workspace-relative path with forward
 * slashes. Loaders produce them; every later stage works on them without touching the disk, and the
 * diagnostic renderer uses them to print the offending line.
 *
 * <p>A class rather than a record only to keep an index of line starts, built on first use, so
 * that finding a line or a position costs a binary search, not a scan: a file with 50,000
 * diagnostics would otherwise be scanned 50,000 times. Equality is by path and text.
 */
public final class SourceFile {
    private final String path;
    private final String text;
    private volatile int[] lineStarts;

    public SourceFile(String path, String text) {
        this.path = Objects.requireNonNull(path, "path");
        this.text = Objects.requireNonNull(text, "text");
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    /** Returns the text of a 1-based line without its line terminator, or empty when out of range. */
    public String line(int number) {
        int[] starts = lineStarts();
        if (number < 1 || number > starts.length) {
            return "";
        }
        int start = starts[number - 1];
        int end = number < starts.length ? starts[number] - 1 : text.length();
        String line = text.substring(start, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Returns the position of a character offset in this file. */
    public Position positionOf(int offset) {
        int limit = Math.max(0, Math.min(offset, text.length()));
        int[] starts = lineStarts();
        int found = Arrays.binarySearch(starts, limit);
        int index = found >= 0 ? found : -found - 2;
        return new Position(path, index + 1, limit - starts[index] + 1);
    }

    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    count++;
                }
            }
            starts = new int[count];
            int line = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts[line++] = i + 1;
                }
            }
            lineStarts = starts;
        }
        return starts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceFile that && path.equals(that.path) && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + text.hashCode();
    }

    @Override
    public String toString() {
        return "SourceFile[path=" + path + ", text=" + text.length() + " chars]";
    }
}
