package dev.storyc.publish;

import java.util.Objects;
import java.util.Optional;

/**
 * What storyc may authenticate with. HTTPS remotes use {@code token} as the password of basic
 * authentication; SSH remotes use the user's keys and agent through JGit's SSH client. The token is
 * never printed: {@link #toString()} shows only the name of the variable it came from.
 *
 * @param tokenVariable the environment variable the token was read from, named in messages
 * @param token the token, when that variable is set and not empty
 */
public record GitCredentials(String tokenVariable, Optional<String> token) {
    /** The user name sent with a token when the remote's URL names none; GitHub and Gitea accept it. */
    public static final String DEFAULT_TOKEN_USER = "x-access-token";

    public GitCredentials {
        Objects.requireNonNull(tokenVariable, "tokenVariable");
        token = token.filter(t -> !t.isEmpty());
    }

    public static GitCredentials none() {
        return new GitCredentials("STORYC_GIT_TOKEN", Optional.empty());
    }

    /** Returns {@code text} with the token, wherever it appears, replaced by {@code ***}. */
    String scrub(String text) {
        String redacted = RemoteUrl.redact(text);
        return token.map(t -> redacted.replace(t, "***")).orElse(redacted);
    }

    @Override
    public String toString() {
        return "GitCredentials[token from $" + tokenVariable + (token.isPresent() ? "" : " (unset)") + "]";
    }
}
