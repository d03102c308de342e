package dev.storyc.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an environment is for; `ci` compiles every kind but development. */
public enum EnvironmentKind {
    DEVELOPMENT,
    INTEGRATION,
    ACCEPTANCE,
    PRODUCTION;

    /** Returns the spelling used in environments.toml. */
    public String spelling() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<EnvironmentKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.spelling().equals(text)).findFirst();
    }

    public static List<String> spellings() {
        return Arrays.stream(values()).map(EnvironmentKind::spelling).toList();
    }
}
