package dev.storyc.diag;

/**
 * Text from outside storyc (a user's file, a row of warehouse data) made safe to print: each
 * control character is written as a backslash, u and four hex digits. A terminal would act on an
 * escape sequence, XML 1.0 cannot hold most control characters even escaped, and a line end
 * inside a table cell breaks the table.
 */
public final class Printable {
    private Printable() {}

    /** Returns {@code text} with every control character escaped, line ends included. */
    public static String escaped(String text) {
        return escape(text, false);
    }

    /** Returns {@code text} with every control character but {@code \n} escaped. */
    public static String keepingLineEnds(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLineEnds) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && !(keepLineEnds && c == '\n')) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Returns true for a C0 or C1 control character, or DEL. */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0);
    }
}
