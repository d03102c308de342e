package dev.storyc.check;

import dev.storyc.diag.Position;

/** Positions inside a text that starts at a known position, such as Liquid inside a code block. */
final class TextPositions {
    private TextPositions() {}

    /** Returns the position of {@code offset} in {@code text}, which starts at {@code start}. */
    static Position at(Position start, String text, int offset) {
        if (!start.hasLine()) {
            return start;
        }
        int lines = 0;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
                lineStart = i + 1;
            }
        }
        return lines == 0
                ? Position.of(start.file(), start.line(), start.column() + offset)
                : Position.of(start.file(), start.line() + lines, offset - lineStart + 1);
    }
}
