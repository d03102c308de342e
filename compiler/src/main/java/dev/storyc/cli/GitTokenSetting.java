package dev.storyc.cli;

import dev.storyc.publish.GitCredentials;
import java.util.Map;
import java.util.Optional;

/**
 * Where the token for HTTPS remotes comes from: the environment variable named by the setting
 * {@code git.token_variable}, {@value #DEFAULT_VARIABLE} by default. Until the layered settings of
 * §9 land (issue 3), this seam reads the setting from {@value #SETTING_VARIABLE} only; it is the one
 * place to switch to the settings stack.
 */
final class GitTokenSetting {
    static final String DEFAULT_VARIABLE = "STORYC_GIT_TOKEN";
    static final String SETTING_VARIABLE = "STORYC_GIT_TOKEN_VARIABLE";

    private GitTokenSetting() {}

    static GitCredentials credentials(Map<String, String> processEnvironment) {
        String variable = Optional.ofNullable(processEnvironment.get(SETTING_VARIABLE))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .orElse(DEFAULT_VARIABLE);
        return new GitCredentials(variable, Optional.ofNullable(processEnvironment.get(variable)));
    }
}
