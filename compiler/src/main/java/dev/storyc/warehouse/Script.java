package dev.storyc.warehouse;

import dev.storyc.diag.Position;

import java.util.Objects;

/**
 * One SQL script of a change as the output repository holds it: its path there, its text and the
 * text's tagged sha256. Positions the server reports are mapped back to lines of this text, so a
 * failure points at {@code warehouse/care-gaps/base/deploy.sql:12:5}, the file that ran.
 */
public record Script(String path, String text, String hash) {
    public Script {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(hash, "hash");
    }

    /**
     * Returns the line and column of a 1-based character position in the text, as PostgreSQL counts
     * them in an error's {@code position} (characters, not bytes); the file alone when the position
     * is unknown (0) or beyond the text.
     */
    public Position positionOf(int serverPosition) {
        if (serverPosition <= 0) {
            return Position.ofFile(path);
        }
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (++seen == serverPosition) {
                return Position.of(path, line, column);
            }
            if (codePoint == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(codePoint);
        }
        return Position.ofFile(path);
    }
}
