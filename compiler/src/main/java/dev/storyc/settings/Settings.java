package dev.storyc.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Settings are the values of the settings stack once layered: each with the layer that set it, so that a
 * user can find out why storyc did what it did.
 */
public record Settings(Map<Setting, Value> values) {

    /** One setting's value and where it came from, such as {@code ~/.config/storyc/config.toml:2:1}. */
    public record Value(String value, String source) {}

    public Settings {
        Map<Setting, Value> copy = new EnumMap<>(Setting.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    /** Returns a setting's value and source, when any layer sets it. */
    public Optional<Value> get(Setting setting) {
        return Optional.ofNullable(values.get(setting));
    }

    public Optional<String> developer() {
        return get(Setting.DEVELOPER).map(Value::value);
    }

    /** Returns the folder output repositories go to; {@code out} unless a layer says otherwise. */
    public String output() {
        return get(Setting.OUTPUT).map(Value::value).orElse("out");
    }

    public int jobs() {
        return Integer.parseInt(get(Setting.JOBS).map(Value::value).orElse("1"));
    }

    public String color() {
        return get(Setting.COLOR).map(Value::value).orElse("auto");
    }

    /** Returns the name of the variable that holds the git token; the token itself is never stored. */
    public String gitTokenVariable() {
        return get(Setting.GIT_TOKEN_ENV).map(Value::value).orElse("STORYC_GIT_TOKEN");
    }

    /** Returns the storyc versions the workspace works with, when it says. */
    public Optional<VersionRequirement> requiredVersion() {
        return get(Setting.REQUIRED_VERSION).flatMap(v -> VersionRequirement.parse(v.value()));
    }
}
