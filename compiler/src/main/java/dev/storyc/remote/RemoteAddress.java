package dev.storyc.remote;

import java.util.Optional;

/**
 * A URL-form git remote split where a credential can hide: {@code scheme://user-info@host/rest}.
 * Checking a remote for a password, masking it, writing it into a file another machine reads and
 * comparing two remotes each need that split, and each once did it by hand.
 *
 * <p>Split as text, not with {@link java.net.URI}: the addresses judged here include ones a URI
 * parser refuses (a {@code ${env:...}} reference, a password with a reserved character), and a
 * secret is a secret in an address no parser accepts. The authority ends at the first {@code /}
 * after the scheme, and the user information at its last {@code @}, as git's URL reading does.
 * Addresses without a scheme (scp-like {@code git@host:path}, paths) are not URLs; each reader
 * treats them as its purpose needs.
 *
 * @param scheme the scheme and {@code ://}, as written
 * @param userInfo what stands before the authority's last {@code @}, when it has one
 * @param host the rest of the authority: host and port
 * @param rest everything from the first {@code /} after the authority on: path, query, fragment
 */
public record RemoteAddress(String scheme, Optional<String> userInfo, String host, String rest) {
    /** Returns the address split, when it is written {@code scheme://...}. */
    public static Optional<RemoteAddress> url(String text) {
        int separator = text.indexOf("://");
        if (separator <= 0) {
            return Optional.empty();
        }
        int hostStart = separator + 3;
        int slash = text.indexOf('/', hostStart);
        int end = slash < 0 ? text.length() : slash;
        int at = text.lastIndexOf('@', end - 1);
        boolean hasUserInfo = at >= hostStart;
        return Optional.of(new RemoteAddress(
                text.substring(0, hostStart),
                hasUserInfo ? Optional.of(text.substring(hostStart, at)) : Optional.empty(),
                text.substring(hasUserInfo ? at + 1 : hostStart, end),
                text.substring(end)));
    }

    /** Returns the user name: the user information before its first {@code :}, when not empty. */
    public Optional<String> user() {
        return userInfo.map(info -> info.split(":", 2)[0]).filter(user -> !user.isEmpty());
    }

    /** Returns the password: the user information after its first {@code :}, when not empty. */
    public Optional<String> password() {
        return userInfo.filter(info -> info.indexOf(':') >= 0)
                .map(info -> info.substring(info.indexOf(':') + 1))
                .filter(password -> !password.isEmpty());
    }

    /** Returns the scheme, lower case, without {@code ://}. */
    public String schemeName() {
        return scheme.substring(0, scheme.length() - 3).toLowerCase(java.util.Locale.ROOT);
    }

    /** Returns the address written again with {@code userInfo} in place of its own. */
    public String withUserInfo(Optional<String> replacement) {
        return scheme + replacement.map(info -> info + "@").orElse("") + host + rest;
    }
}
