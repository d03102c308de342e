package dev.storyc.workspace;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a file's bytes into the text storyc reads: strict UTF-8 without a byte-order mark, and no
 * line ended by a carriage return alone. Every file storyc reads passes here, from the working
 * tree, from git objects and from the stdlib; {@link #conflictMarker} is the working tree's own
 * rule, which the loader applies.
 */
public final class SourceText {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private SourceText() {}

    /**
     * Returns the offset of the first line that starts with a merge conflict marker git writes
     * ({@code <<<<<<<}, {@code |||||||} or {@code >>>>>>>}, then a space or the line's end): a SQL
     * file with one compiled cleanly and shipped the conflict, and a LookML or TOML file failed to
     * parse with a message that never said why.
     */
    static Optional<Integer> conflictMarker(String text) {
        for (int line = 0; line < text.length(); line = text.indexOf('\n', line) + 1) {
            if (text.startsWith("<<<<<<<", line) || text.startsWith("|||||||", line)
                    || text.startsWith(">>>>>>>", line)) {
                int after = line + 7;
                if (after == text.length() || " \r\n".indexOf(text.charAt(after)) >= 0) {
                    return Optional.of(line);
                }
            }
            if (text.indexOf('\n', line) < 0) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Decodes file bytes as strict UTF-8, dropping a byte-order mark. Invalid bytes are a diagnostic
     * at the line and column where decoding failed, never a replacement character in the output.
     */
    public static Optional<SourceFile> decode(String relative, byte[] bytes, Diagnostics diagnostics) {
        int start = startsWithBom(bytes) ? UTF8_BOM.length : 0;
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            for (int cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1)) {
                if (cr + 1 == text.length() || text.charAt(cr + 1) != '\n') {
                    // Templates drop such a carriage return, gluing two lines (a view after a `#`
                    // comment vanished into it), and every position after it would be wrong.
                    diagnostics.add(Diagnostic.error(Code.BARE_CARRIAGE_RETURN,
                                    new SourceFile(relative, text).positionOf(cr),
                                    "a line of `" + relative + "` ends in a carriage return without a line feed")
                            .withHint("save the file with LF or CRLF line endings"));
                    return Optional.empty();
                }
            }
            return Optional.of(new SourceFile(relative, text));
        } catch (CharacterCodingException e) {
            int bad = firstInvalidOffset(bytes, start);
            String valid = new String(bytes, start, bad - start, StandardCharsets.UTF_8);
            Position at = new SourceFile(relative, valid).positionOf(valid.length());
            diagnostics.add(Diagnostic.error(Code.INVALID_UTF8, at,
                            String.format("`%s` is not valid UTF-8: byte 0x%02X", relative, bytes[bad] & 0xff))
                    .withHint("save the file as UTF-8"));
            return Optional.empty();
        }
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }

    /** Returns the offset of the first byte that starts no valid UTF-8 sequence. */
    private static int firstInvalidOffset(byte[] bytes, int start) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length - 1;
    }
}
