package dev.storyc.publish;

import dev.storyc.remote.RemoteAddress;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote's address as written in {@code output.remote}. Its user-info (a user name, and possibly
 * a password or token) never leaves this class unredacted: {@link #toString()} and every message
 * storyc prints show {@code ***} in its place.
 */
public record RemoteUrl(String raw) {
    /**
     * {@code scheme://user-info@}: everything between the scheme and the last {@code @} before a
     * space, as the settings mask a URL: a generated password may hold {@code /} or {@code @}
     * itself, and stopping at the first of them printed the rest of the password.
     */
    private static final Pattern SCHEME_USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)\\S*@");
    /** scp-like {@code user@host:path}, which git treats as ssh. */
    private static final Pattern SCP_LIKE = Pattern.compile("^([^/\\s@:]+)@([^/\\s:]+):(.*)$");

    public RemoteUrl {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("a remote URL is required");
        }
        raw = raw.strip();
    }

    /** Returns the address with its user-info replaced by {@code ***}. */
    public String redacted() {
        Matcher scp = SCP_LIKE.matcher(raw);
        if (!raw.contains("://") && scp.matches()) {
            return "***@" + scp.group(2) + ":" + scp.group(3);
        }
        return redact(raw);
    }

    /** Returns the user name in the address, if it carries one. */
    public Optional<String> user() {
        if (!raw.contains("://")) {
            Matcher scp = SCP_LIKE.matcher(raw);
            return scp.matches() ? Optional.of(scp.group(1)) : Optional.empty();
        }
        return RemoteAddress.url(raw).flatMap(RemoteAddress::user);
    }

    /** Returns true for http:// and https:// remotes, which authenticate with a token. */
    public boolean isHttp() {
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** Returns true for ssh:// and scp-like remotes, which go through the SSH client. */
    public boolean isSsh() {
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("ssh://") || lower.startsWith("git+ssh://") || lower.startsWith("ssh+git://")
                || (!raw.contains("://") && SCP_LIKE.matcher(raw).matches());
    }

    /**
     * Returns {@code text} with the user-info of every URL in it replaced by {@code ***}, for
     * messages that come from elsewhere (JGit, servers) and may repeat an address.
     */
    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        return SCHEME_USER_INFO.matcher(text).replaceAll("$1***@");
    }

    /**
     * Returns {@code text} with URLs redacted and, besides, this address's own user name and
     * password wherever they appear: transports quote them in forms that are not URLs, such as
     * {@code user@/127.0.0.1:22}.
     */
    public String scrub(String text) {
        String scrubbed = redact(text);
        Optional<String> password = password();
        if (password.isPresent()) {
            scrubbed = scrubbed.replace(password.get(), "***");
        }
        Optional<String> user = user();
        if (user.isPresent()) {
            scrubbed = scrubbed.replace(user.get() + "@", "***@");
        }
        return scrubbed;
    }

    private Optional<String> password() {
        return RemoteAddress.url(raw).flatMap(RemoteAddress::password);
    }

    @Override
    public String toString() {
        return redacted();
    }
}
