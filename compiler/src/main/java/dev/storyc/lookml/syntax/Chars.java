package dev.storyc.lookml.syntax;

/** Character classes of the LookML grammar, as lookup tables because the scanner asks per byte. */
final class Chars {
    private static final byte KEY = 1;
    private static final byte LITERAL = 2;
    private static final byte SPACE = 4;
    private static final byte[] CLASS = new byte[128];

    static {
        for (int c = 33; c < 127; c++) {
            CLASS[c] = LITERAL;
        }
        for (char c : ":{}[],\"#;".toCharArray()) {
            CLASS[c] = 0;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            CLASS[c] |= KEY;
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            CLASS[c] |= KEY;
        }
        for (int c = '0'; c <= '9'; c++) {
            CLASS[c] |= KEY;
        }
        CLASS['_'] |= KEY;
        for (char c : " \t\n\r\f".toCharArray()) {
            CLASS[c] = SPACE;
        }
    }

    private Chars() {}

    /** Returns true for characters of a key, {@code [A-Za-z0-9_]}. */
    static boolean isKey(char c) {
        return c < 128 && (CLASS[c] & KEY) != 0;
    }

    /**
     * Returns true for characters of a bare literal: anything but whitespace and the punctuation
     * that structures LookML. Non-ASCII letters count, so that names in other scripts survive.
     */
    static boolean isLiteral(char c) {
        return c < 128 ? (CLASS[c] & LITERAL) != 0 : !isSpace(c);
    }

    /** Returns true for whitespace, including a byte-order mark, which some editors write. */
    static boolean isSpace(char c) {
        return c < 128 ? (CLASS[c] & SPACE) != 0 : c == '\uFEFF' || c == '\u00A0';
    }
}
