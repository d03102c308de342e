package dev.storyc.lookml.syntax;

import java.util.Arrays;

/**
 * A LineMap turns character offsets into 1-based lines and columns. It is built on first use,
 * so parsing a file that nobody asks positions of never pays for it.
 */
final class LineMap {
    private final int[] starts;

    private LineMap(int[] starts) {
        this.starts = starts;
    }

    static LineMap of(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        return new LineMap(Arrays.copyOf(starts, count));
    }

    /** Returns the 1-based line of an offset. */
    int line(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Returns the 1-based column of an offset, counted in UTF-16 characters. */
    int column(int offset) {
        return offset - starts[line(offset) - 1] + 1;
    }

    /** Returns the offset where a 1-based line starts. */
    int lineStart(int line) {
        return starts[line - 1];
    }

    int lineCount() {
        return starts.length;
    }
}
