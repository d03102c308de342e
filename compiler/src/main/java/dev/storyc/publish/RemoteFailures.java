package dev.storyc.publish;

import java.io.IOException;
import java.util.Locale;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;

/**
 * Turns what goes wrong while talking to a remote into messages a user can act on. Kept apart so
 * that every message passes through {@link #scrub}: no token or URL user-info ever reaches output.
 */
final class RemoteFailures {
    private final OutputRepository local;
    private final RemoteUrl url;
    private final GitCredentials credentials;
    private final String label;

    RemoteFailures(OutputRepository local, RemoteUrl url, GitCredentials credentials,
            String label) {
        this.local = local;
        this.url = url;
        this.credentials = credentials;
        this.label = label;
    }

    /** Returns {@code text} without the token, the URL's user-info, or any URL's user-info. */
    String scrub(String text) {
        return credentials.scrub(url.scrub(text));
    }

    PublishException transport(String verb, TransportException e) {
        String message = scrub(e.getMessage());
        // The message quotes the address, whose port or path may hold 401 or 403 by chance.
        String lower = message.replaceAll("\\S+://\\S+", "").toLowerCase(Locale.ROOT);
        if (lower.contains("not authorized") || lower.contains("authentication")
                || lower.contains("401") || lower.contains("403") || lower.contains("auth fail")) {
            String hint = url.isHttp()
                    ? (credentials.token().isPresent()
                            ? "the token in $" + credentials.tokenVariable() + " was refused; check"
                                    + " that it is current and may write to this repository"
                            : "set $" + credentials.tokenVariable()
                                    + " to a token that may write to this repository")
                    : "check that your SSH key is loaded (ssh-add -l) and allowed to write to this"
                            + " repository";
            return new PublishException("the remote " + url.redacted()
                    + " refused storyc's credentials for `" + label + "`; nothing was pushed", hint,
                    null);
        }
        return new PublishException("cannot " + verb + " the remote " + url.redacted() + " of `"
                + label + "`: " + network(e).orElse(message),
                "check that the remote exists and is reachable; nothing was pushed", null);
    }

    /**
     * Returns a network failure in words, found by the cause's type: the SSH client's own message
     * names its internals ({@code DefaultConnectFuture[...]: Failed (UnresolvedAddressException)
     * to execute: null}), and the HTTP and git transports word the same failures differently.
     */
    static java.util.Optional<String> network(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.nio.channels.UnresolvedAddressException
                    || cause instanceof java.net.UnknownHostException) {
                return java.util.Optional.of("the host name does not resolve");
            }
            if (cause instanceof java.net.ConnectException) {
                return java.util.Optional.of("nothing accepts connections there (connection refused)");
            }
            if (cause instanceof java.net.NoRouteToHostException
                    || cause instanceof java.net.SocketTimeoutException) {
                return java.util.Optional.of("no answer from the host");
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * JGit throws unchecked exceptions for some addresses it cannot open (an ftp:// URL reaches
     * a cast to an HTTP connection; a port past 65535 an IllegalArgumentException). check refuses
     * those addresses, so this only guards a remote that slipped past it: exit 3, never a crash.
     */
    PublishException unexpected(String verb, RuntimeException e) {
        return new PublishException("cannot " + verb + " the remote " + url.redacted() + " of `" + label
                + "`: " + scrub(e.getMessage() == null ? "the git transport failed" : e.getMessage()),
                "use file://, git://, http(s)://, ssh:// or user@host:path; nothing was pushed", null);
    }

    PublishException unsupported(NotSupportedException e) {
        return new PublishException("`" + url.redacted()
                + "` uses a protocol storyc cannot push to: " + scrub(e.getMessage()),
                "use file://, git://, http(s)://, ssh:// or user@host:path");
    }

    PublishException io(String what, IOException e) {
        return new PublishException(what + " `" + local.directory() + "`: " + scrub(e.getMessage()),
                "run `git fsck` in it; the remote was not changed", null);
    }
}
