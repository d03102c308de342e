package dev.storyc.placement;

import java.util.Locale;

/**
 * The identity of a remote repository for deciding whether two environments push to the same one:
 * the URL without credentials, without a trailing slash or {@code .git}, with the scheme and host
 * in lower case (as DNS and URL schemes compare), so {@code https://TOKEN@Host/a/b.git/} and {@code
 * https://host/a/b} are one remote. Written by hand because it is a comparison key, not a parse: a
 * remote that URI parsers reject (scp-like {@code git@host:path}) must still compare.
 */
final class RemoteIdentity {
    private RemoteIdentity() {}

    static String of(String url) {
        String text = url.strip();
        String scheme = "";
        int schemeEnd = text.indexOf("://");
        if (schemeEnd > 0) {
            scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT) + "://";
            text = text.substring(schemeEnd + 3);
        }
        int slash = schemeEnd > 0 ? text.indexOf('/') : -1;
        String authority = slash < 0 ? (schemeEnd > 0 ? text : "") : text.substring(0, slash);
        String path = schemeEnd > 0 ? (slash < 0 ? "" : text.substring(slash)) : text;
        if (schemeEnd < 0) {
            // scp-like user@host:path: the user names an account on the host, not a different
            // remote.
            int colon = text.indexOf(':');
            if (colon > 0 && !text.substring(0, colon).contains("/")) {
                authority = text.substring(0, colon);
                path = ":" + text.substring(colon + 1);
            }
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        authority = authority.toLowerCase(Locale.ROOT);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        return scheme + authority + path;
    }
}
