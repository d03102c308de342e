package dev.storyc.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
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

    /** Returns the cache's size cap as written, such as {@code 512MB}, when a layer sets one. */
    public Optional<String> cacheMaxSize() {
        return get(Setting.CACHE_MAX_SIZE).map(Value::value);
    }

    public String color() {
        return get(Setting.COLOR).map(Value::value).orElse("auto");
    }

    /** Returns the name of the variable that holds the git token; the token itself is never stored. */
    public String gitTokenVariable() {
        return get(Setting.GIT_TOKEN_ENV).map(Value::value).orElse("STORYC_GIT_TOKEN");
    }

    /** Returns the JDBC URL that replaces the warehouse's own, when a layer sets one. */
    public Optional<String> warehouseUrl() {
        return get(Setting.WAREHOUSE_URL).map(Value::value);
    }

    /** Returns the seconds to wait for a warehouse connection; 10 unless a layer says otherwise. */
    public int warehouseConnectTimeout() {
        return Integer.parseInt(
                get(Setting.WAREHOUSE_CONNECT_TIMEOUT).map(Value::value).orElse("10"));
    }

    /** Returns the seconds an apply waits for another apply's lock; 60 unless a layer says so. */
    public int warehouseLockTimeout() {
        return Integer.parseInt(get(Setting.WAREHOUSE_LOCK_TIMEOUT).map(Value::value).orElse("60"));
    }

    /** Returns the environments ci proves live after pushing, in order; empty when unset. */
    public List<String> ciLive() {
        return get(Setting.CI_LIVE).stream()
                .flatMap(v -> java.util.Arrays.stream(v.value().split(",")))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
    }

    /** Returns the storyc versions the workspace works with, when it says. */
    public Optional<VersionRequirement> requiredVersion() {
        return get(Setting.REQUIRED_VERSION).flatMap(v -> VersionRequirement.parse(v.value()));
    }
}
