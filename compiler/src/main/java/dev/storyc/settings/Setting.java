package dev.storyc.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Setting is one knob of the settings stack: its key in config files and {@code -D}, the
 * {@code STORYC_*} variable that sets it, and what a valid value looks like.
 */
public enum Setting {
    /** The current developer; makes {@code dev-<name>} the default environment. */
    DEVELOPER("developer", "STORYC_DEVELOPER", "[a-z][a-z0-9-]*", "a developer name such as `alice`"),
    /** Where output repositories go when an environment sets no output.path. */
    // Any text a file system can name: a NUL character cannot be part of a path.
    OUTPUT("output", "STORYC_OUTPUT", "[^\\x00]+", "a folder"),
    /** How many environments to compile at once. */
    JOBS("jobs", "STORYC_JOBS", "[1-9][0-9]{0,2}", "a number of jobs from 1 to 999"),
    /** When to colour diagnostics. */
    COLOR("color", "STORYC_COLOR", "auto|always|never", "auto, always or never"),
    /** The name of the environment variable that holds the git token for pushes; never the token. */
    GIT_TOKEN_ENV("git.token_env", "STORYC_GIT_TOKEN_ENV", "[A-Za-z_][A-Za-z0-9_]*",
            "the name of an environment variable, such as `GITHUB_TOKEN`"),
    /**
     * A JDBC URL that replaces the warehouse's host, port and database when connecting, such as an
     * SSH tunnel's {@code jdbc:postgresql://127.0.0.1:15439/analytics_prod}.
     */
    // No password in it: settings are printed with --verbose; the password is warehouse.password.
    // No user either: the driver lets the URL's win, so storyc logged in as another role than every
    // message and JSON document named (round 17); the user is warehouse.user.
    WAREHOUSE_URL("warehouse.url", "STORYC_WAREHOUSE_URL",
            // Hosts with optional ports from 1 to 65535, a database and parameters, where a % is
            // always an escape: what the driver parses, which it would refuse only when connecting.
            "(?i)(?!.*[?&](password|user)=)jdbc:postgresql://" + JdbcUrlShape.HOST_AND_PORT + "(,"
                    + JdbcUrlShape.HOST_AND_PORT + ")*" + "(/" + JdbcUrlShape.ESCAPED + "*)?(\\?"
                    + JdbcUrlShape.ESCAPED + "*)?",
            "a JDBC URL without a password or a user (those are the environment's warehouse.password and"
                    + " warehouse.user), with ports from 1 to 65535 and `%` only in escapes such as `%20`, like"
                    + " `jdbc:postgresql://127.0.0.1:15439/analytics_prod`"),
    /** Seconds to wait for the warehouse to accept a connection and log in. */
    WAREHOUSE_CONNECT_TIMEOUT("warehouse.connect_timeout", "STORYC_WAREHOUSE_CONNECT_TIMEOUT",
            "[1-9][0-9]{0,3}",
            "a number of seconds from 1 to 9999"),
    /** Seconds an apply waits for another apply's lock before giving up. */
    WAREHOUSE_LOCK_TIMEOUT("warehouse.lock_timeout", "STORYC_WAREHOUSE_LOCK_TIMEOUT", "[0-9]{1,5}",
            "a number of seconds from 0 to 99999"),
    /**
     * The environments {@code storyc ci} proves live after pushing (apply, etl, test, validate), in
     * order; a TOML list or a comma-separated string. Unset: no live stage.
     */
    CI_LIVE("ci.live", "STORYC_CI_LIVE", "\\s*[a-z][a-z0-9-]*(\\s*,\\s*[a-z][a-z0-9-]*)*\\s*",
            "environment names separated by commas, such as `integration`"),
    /**
     * The most the workspace's cache ({@code .storyc/cache}) may hold before the least recently
     * used entries go: bytes, or a number with KB, MB or GB.
     */
    CACHE_MAX_SIZE("cache.max_size", "STORYC_CACHE_MAX_SIZE",
            "(?i)\\s*[0-9]{1,12}\\s*(b|kb|mb|gb)?\\s*", "a size such as `512MB` or `2GB`"),
    /** The storyc versions the workspace works with, as dbt's {@code require-dbt-version}. */
    REQUIRED_VERSION("required_version", "STORYC_REQUIRED_VERSION",
            "\\s*(>=|<=|==|=|>|<)?\\s*\\d{1,9}(\\.\\d{1,9}){0,2}\\s*"
                    + "(,\\s*(>=|<=|==|=|>|<)?\\s*\\d{1,9}(\\.\\d{1,9}){0,2}\\s*)*",
            "a version range such as `>=0.1.0, <0.2.0`");

    private final String key;
    private final String variable;
    private final Pattern valid;
    private final String expected;

    Setting(String key, String variable, String valid, String expected) {
        this.key = key;
        this.variable = variable;
        this.valid = Pattern.compile(valid);
        this.expected = expected;
    }

    /** Returns the key in config files and {@code -D}, such as {@code git.token_env}. */
    public String key() {
        return key;
    }

    /** Returns the environment variable that sets it, such as {@code STORYC_JOBS}. */
    public String variable() {
        return variable;
    }

    /** Returns true when {@code value} is valid for this setting. */
    public boolean accepts(String value) {
        return valid.matcher(value).matches();
    }

    /** Returns what a valid value looks like, for messages. */
    public String expected() {
        return expected;
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Setting::key).toList();
    }
}
