package dev.storyc.toml;

import org.tomlj.TomlPosition;

/**
 * Finds where things are in TOML source text (a line, a key's value, a string, a list's closing
 * bracket), so that an editor can replace exactly the characters it means to and keep every other
 * byte: comments, blank lines, order, indentation and quoting. tomlj says where a key or element
 * starts but not where its value ends, and its writer reformats whole files, so storyc's line-
 * preserving editors (release manifests, promotion, import pins) measure spans with this class.
 *
 * <p>Offsets are indexes into the text; methods that can fail to find something return -1.
 */
public final class TomlSpans {
    private TomlSpans() {}

    /**
     * Returns the offset of a 1-based line and column, as tomlj and storyc positions give them. A
     * line past the end means the last line; a column below 1 means the line's start.
     */
    public static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int current = 1; current < line; current++) {
            int newline = text.indexOf('\n', offset);
            if (newline < 0) {
                break;
            }
            offset = newline + 1;
        }
        return offset + Math.max(column, 1) - 1;
    }

    /** Returns the offset of a position tomlj reported. */
    public static int offsetOf(String text, TomlPosition position) {
        return offsetOf(text, position.line(), position.column());
    }

    /** Returns the offset where the line holding {@code offset} starts. */
    public static int lineStart(String text, int offset) {
        return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    }

    /** Returns the offset of the newline ending the line of {@code from}, or the text's length. */
    public static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    /** Returns the first offset at or after {@code from} that is not a space or a tab. */
    public static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Returns the offset of the value of the key at {@code keyAt}: after its {@code =}, or -1. */
    public static int valueStart(String text, int keyAt) {
        int equals = text.indexOf('=', keyAt);
        return equals < 0 ? -1 : skipBlanks(text, equals + 1);
    }

    /**
     * Returns the offset just past the string that starts at {@code start}: basic ({@code "…"}
     * with backslash escapes), literal ({@code '…'}), or either multi-line form. Returns -1 when no
     * string starts there or it is not closed (a one-line string ends at its line).
     */
    public static int stringEnd(String text, int start) {
        if (start < 0 || start >= text.length()) {
            return -1;
        }
        char quote = text.charAt(start);
        if (quote != '"' && quote != '\'') {
            return -1;
        }
        String triple = String.valueOf(quote).repeat(3);
        boolean escapes = quote == '"';
        if (text.startsWith(triple, start)) {
            for (int i = start + 3; i < text.length(); i++) {
                if (escapes && text.charAt(i) == '\\') {
                    i++;
                } else if (text.startsWith(triple, i)) {
                    // Up to two quotes may end the content right before the closing three.
                    int end = i + 3;
                    while (end < text.length() && end < i + 5 && text.charAt(end) == quote) {
                        end++;
                    }
                    return end;
                }
            }
            return -1;
        }
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return -1;
            }
            if (escapes && c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Returns the offset just past the value that starts at {@code start}: a string, or a bare
     * value (number, boolean, date) up to the next blank, comment, comma or closing bracket.
     */
    public static int valueEnd(String text, int start) {
        if (start < text.length() && (text.charAt(start) == '"' || text.charAt(start) == '\'')) {
            return stringEnd(text, start);
        }
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                && "#,]}".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    /**
     * Returns the offset of the {@code ]} that closes the array whose elements start at or after
     * {@code from}, skipping strings, comments and nested arrays; -1 when it is not closed.
     */
    public static int closingBracket(String text, int from) {
        int depth = 0;
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                i = lineEnd(text, i);
            } else if (c == '"' || c == '\'') {
                i = stringEnd(text, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '[') {
                depth++;
                i++;
            } else if (c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                i++;
            } else {
                i++;
            }
        }
        return -1;
    }

    /**
     * Returns the offset of the {@code [name]} header of a standard table, written at the start of
     * a line (after optional blanks), or -1. {@code name} is matched as written.
     */
    public static int tableHeader(String text, String name) {
        String header = "[" + name + "]";
        int from = 0;
        while (true) {
            int at = text.indexOf(header, from);
            if (at < 0) {
                return -1;
            }
            if (text.substring(lineStart(text, at), at).isBlank()) {
                return at;
            }
            from = at + 1;
        }
    }
}
