package dev.storyc.placement;

import dev.storyc.remote.RemoteAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The identity of a remote repository for deciding whether two environments push to the same one:
 * the URL without credentials, without a trailing slash or {@code .git}, with the scheme and host
 * in lower case (as DNS and URL schemes compare), without the scheme's default port, and with its
 * path normalized ({@code .}, {@code ..}, doubled slashes, needless percent-escapes), so {@code
 * https://TOKEN@Host:443/a/./b.git/} and {@code https://host/a/b} are one remote. Written by hand because it is a comparison key, not a parse: a
 * remote that URI parsers reject (scp-like {@code git@host:path}) must still compare.
 */
final class RemoteIdentity {
    private RemoteIdentity() {}

    static String of(String url) {
        String text = url.strip();
        Optional<RemoteAddress> address = RemoteAddress.url(text);
        String scheme = address.map(a -> a.schemeName() + "://").orElse("");
        String authority = address.map(RemoteAddress::host).orElse("");
        String path = address.map(RemoteAddress::rest).orElse(text);
        if (address.isEmpty()) {
            // scp-like user@host:path: the user names an account on the host, not a different
            // remote.
            int colon = text.indexOf(':');
            if (colon > 0 && !text.substring(0, colon).contains("/")) {
                authority = text.substring(0, colon);
                authority = authority.substring(authority.lastIndexOf('@') + 1);
                path = ":" + text.substring(colon + 1);
            }
        }
        authority = withoutDefaultPort(scheme, authority.toLowerCase(Locale.ROOT));
        path = normalPath(decodeUnreserved(path));
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        return scheme + authority + path;
    }

    /** Drops the port a scheme uses anyway: {@code https://host:443/x} is {@code https://host/x}. */
    private static String withoutDefaultPort(String scheme, String authority) {
        String port = switch (scheme) {
            case "https://" -> ":443";
            case "http://" -> ":80";
            case "ssh://", "git+ssh://", "ssh+git://" -> ":22";
            case "git://" -> ":9418";
            default -> null;
        };
        return port != null && authority.endsWith(port)
                ? authority.substring(0, authority.length() - port.length()) : authority;
    }

    /**
     * Decodes {@code %XX} where it stands for a letter, digit, {@code -}, {@code .}, {@code _} or
     * {@code ~}, which URLs may write either way ({@code %78} is {@code x}).
     */
    private static String decodeUnreserved(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                int value = hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2));
                if (value >= 0 && (Character.isLetterOrDigit(value) && value < 128 || "-._~".indexOf(value) >= 0)) {
                    out.append((char) value);
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static int hex(char c) {
        int digit = Character.digit(c, 16);
        return digit < 0 ? -1000 : digit;
    }

    /**
     * Removes empty and {@code .} segments and resolves {@code ..}, as a server does: {@code
     * /r/./x.git}, {@code /r//x.git} and {@code /r/a/../x.git} are one repository. An scp-like
     * path keeps its leading {@code :}.
     */
    private static String normalPath(String path) {
        String prefix = path.startsWith(":") ? ":" : "";
        String rest = prefix.isEmpty() ? path : path.substring(1);
        boolean absolute = rest.startsWith("/");
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (String segment : rest.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") && !segments.isEmpty() && !segments.peekLast().equals("..")) {
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return prefix + (absolute ? "/" : "") + String.join("/", segments);
    }
}
