package dev.storyc.diag;

import java.util.Objects;

/**
 * A SourceFile is the text of one input file, keyed by its workspace-relative path with forward
 * slashes. Loaders produce them; every later stage works on them without touching the disk, and the
 * diagnostic renderer uses them to print the offending line.
 */
public record SourceFile(String path, String text) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }

    /** Returns the text of a 1-based line without its line terminator, or empty when out of range. */
    public String line(int number) {
        if (number < 1) {
            return "";
        }
        int start = 0;
        for (int current = 1; current < number; current++) {
            int next = text.indexOf('\n', start);
            if (next < 0) {
                return "";
            }
            start = next + 1;
        }
        int end = text.indexOf('\n', start);
        String line = end < 0 ? text.substring(start) : text.substring(start, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Returns the position of a character offset in this file. */
    public Position positionOf(int offset) {
        int line = 1;
        int lineStart = 0;
        int limit = Math.min(offset, text.length());
        for (int i = 0; i < limit; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(path, line, limit - lineStart + 1);
    }
}
