package dev.storyc.lookml.syntax;

/** Reads the text of literal and quoted-string tokens. */
final class Scalars {
    private Scalars() {}

    static String value(SyntaxTree tree, int start, int end, boolean quoted, boolean closed) {
        if (!quoted) {
            return tree.text(start, end);
        }
        return tree.text(Math.min(start + 1, end), closed ? end - 1 : end);
    }

    /** Resolves the two escapes of LookML strings; any other backslash stays as written. */
    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && (raw.charAt(i + 1) == '"' || raw.charAt(i + 1) == '\\')) {
                out.append(raw.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
