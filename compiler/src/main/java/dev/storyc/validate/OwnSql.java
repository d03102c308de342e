package dev.storyc.validate;

import dev.storyc.diag.Position;
import java.util.List;
import java.util.Optional;

/**
 * Which characters of the SQL a field sends are its own {@code sql:} text, copied as written, so
 * that a server's error position inside a field reads back as the line and column of its LookML
 * file: the text between its {@code ${...}} substitutions, moved by what storyc wraps around it (a
 * measure's aggregate, a timeframe). A position in substituted or wrapped text has no place of its
 * own, and the field's {@code sql:} is reported. Until round 18 every error was at the {@code sql:}.
 *
 * @param raw the field's {@code sql:} as written
 * @param pieces the runs of {@code raw} in the sent SQL
 */
public record OwnSql(String raw, List<Piece> pieces) {
    /** {@code length} characters at {@code sent} in the sent SQL are those at {@code own} in {@code raw}. */
    public record Piece(int sent, int own, int length) {}

    /** No own text: a field without {@code sql:}, or text that is not a field's. */
    public static final OwnSql NONE = new OwnSql("", List.of());

    public OwnSql {
        pieces = List.copyOf(pieces);
    }

    /**
     * Returns the pieces moved {@code by} characters in the sent SQL; what would move before its
     * start (stripped whitespace) is cut off.
     */
    OwnSql shifted(int by) {
        List<Piece> moved = new java.util.ArrayList<>();
        for (Piece piece : pieces) {
            int sent = piece.sent() + by;
            int cut = Math.max(0, -sent);
            if (cut < piece.length()) {
                moved.add(new Piece(sent + cut, piece.own() + cut, piece.length() - cut));
            }
        }
        return new OwnSql(raw, moved);
    }

    /**
     * Returns where a 0-based offset of the sent SQL is in the file, given where {@code raw}
     * starts; empty when the offset is not in own text.
     */
    public Optional<Position> positionOf(int sentOffset, Position start) {
        if (!start.hasLine()) {
            return Optional.empty();
        }
        for (Piece piece : pieces) {
            if (sentOffset >= piece.sent() && sentOffset < piece.sent() + piece.length()) {
                String before = raw.substring(0, piece.own() + sentOffset - piece.sent());
                int newline = before.lastIndexOf('\n');
                int lines = (int) before.chars().filter(c -> c == '\n').count();
                int column = newline < 0 ? start.column() + before.length() : before.length() - newline;
                return Optional.of(Position.of(start.file(), start.line() + lines, column));
            }
        }
        return Optional.empty();
    }
}
