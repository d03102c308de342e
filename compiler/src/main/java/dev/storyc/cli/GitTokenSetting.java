package dev.storyc.cli;

import dev.storyc.publish.GitCredentials;
import dev.storyc.settings.Settings;
import java.util.Map;
import java.util.Optional;

/**
 * Where the token for HTTPS remotes comes from: the environment variable named by the setting
 * {@code git.token_env} (from any layer of the settings stack, such as {@code STORYC_GIT_TOKEN_ENV=GITHUB_TOKEN}),
 * {@code STORYC_GIT_TOKEN} by default. Settings hold the variable's name, never the token.
 */
final class GitTokenSetting {
    private GitTokenSetting() {}

    static GitCredentials credentials(Settings settings, Map<String, String> processEnvironment) {
        String variable = settings.gitTokenVariable();
        return new GitCredentials(variable, Optional.ofNullable(processEnvironment.get(variable)));
    }
}
