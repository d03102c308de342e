package dev.storyc.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * A Position denotes a place in a workspace file: a workspace-relative path with forward slashes,
 * a 1-based line and a 1-based column counted in characters.
 *
 * <p>Line 0 means "the file as a whole", for problems that have no better place (a missing file).
 */
public record Position(String file, int line, int column) implements Comparable<Position> {

    private static final Comparator<Position> ORDER =
            Comparator.comparing(Position::file).thenComparingInt(Position::line).thenComparingInt(Position::column);

    public Position {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative position " + line + ":" + column);
        }
    }

    /** Returns the position that stands for a whole file. */
    public static Position ofFile(String file) {
        return new Position(file, 0, 0);
    }

    /** Returns a position at the given line and column of a file. */
    public static Position of(String file, int line, int column) {
        return new Position(file, line, column);
    }

    /** Returns true when this position names a line, not just a file. */
    public boolean hasLine() {
        return line > 0;
    }

    @Override
    public int compareTo(Position other) {
        return ORDER.compare(this, other);
    }

    /** Returns {@code file:line:col}, or just the file when no line is known. */
    @Override
    public String toString() {
        return hasLine() ? file + ":" + line + ":" + Math.max(column, 1) : file;
    }
}
