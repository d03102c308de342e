package dev.storyc.db;

import dev.storyc.config.Environment;
import dev.storyc.config.SecretReference;
import dev.storyc.config.Tainted;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one environment's warehouse is and how storyc logs in: its {@code warehouse.*} fields of
 * environments.toml, the password read from the process environment, and the URL that a {@code
 * warehouse.url} setting may substitute (an SSH tunnel's local port, say).
 *
 * @param schema the schema stories deploy into ({@code warehouse.schema})
 * @param registrySchema the schema of storyc's registry ({@code warehouse.registry_schema}, {@code
 *     storyc} unless set)
 * @param password the password, when {@code warehouse.password} is set; prints as {@code ****}
 * @param urlOverride a JDBC URL that replaces host, port and database for connecting
 */
public record WarehouseTarget(
        String environment,
        Engine engine,
        String host,
        int port,
        String database,
        String schema,
        String registrySchema,
        String user,
        Optional<Secret> password,
        Optional<String> urlOverride,
        Timeouts timeouts) {

    /** The registry's schema when an environment names none. */
    public static final String DEFAULT_REGISTRY_SCHEMA = "storyc";

    public WarehouseTarget {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(urlOverride, "urlOverride");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /**
     * Reads an environment's warehouse. The fields were type-checked when environments.toml was
     * evaluated; only the password is read now, from the variable its reference names.
     *
     * @throws DatabaseException when the password's variable is not set
     */
    public static WarehouseTarget of(
            Environment environment,
            Map<String, String> processEnvironment,
            Optional<String> urlOverride,
            Timeouts timeouts)
            throws DatabaseException {
        Map<?, ?> warehouse =
                environment.values().get("warehouse") instanceof Map<?, ?> map ? map : Map.of();
        Optional<Secret> password = Optional.empty();
        if (warehouse.get("password") instanceof SecretReference reference) {
            Optional<String> value =
                    Optional.ofNullable(processEnvironment.get(reference.variable()))
                            .or(reference::fallback);
            if (value.isEmpty()) {
                throw new DatabaseException(
                        DatabaseException.Kind.PASSWORD_UNSET,
                        "the warehouse password of "
                                + environment.name()
                                + " is not set: `warehouse.password` reads "
                                + reference.spelling()
                                + " and "
                                + reference.variable()
                                + " is not set",
                        "export "
                                + reference.variable()
                                + " in the shell or CI job that runs storyc",
                        "");
            }
            password = Optional.of(new Secret(value.get(), reference.spelling()));
        }
        Object port = Tainted.reveal(warehouse.get("port"));
        return new WarehouseTarget(
                environment.name(),
                Engine.of(text(warehouse, "engine", "redshift")),
                text(warehouse, "host", ""),
                port instanceof Number number ? number.intValue() : 5439,
                text(warehouse, "database", ""),
                text(warehouse, "schema", ""),
                text(warehouse, "registry_schema", DEFAULT_REGISTRY_SCHEMA),
                text(warehouse, "user", ""),
                password,
                urlOverride.filter(url -> !url.isBlank()),
                timeouts);
    }

    /**
     * Reads the warehouse a checkout of an output repository names ({@code
     * warehouse/connection.toml}), reading its references from the process where the job runs.
     *
     * @throws DatabaseException when a field cannot be read here: a variable it names is unset, or
     *     environments.toml builds it in a way only a workspace can evaluate
     */
    public static WarehouseTarget of(
            dev.storyc.emit.ConnectionFile file,
            Map<String, String> processEnvironment,
            Optional<String> urlOverride,
            Timeouts timeouts)
            throws DatabaseException {
        if (!file.notRepeatable().isEmpty()) {
            String fields = String.join(", ", file.notRepeatable().stream().map(f -> "warehouse." + f).toList());
            throw new DatabaseException(DatabaseException.Kind.OTHER,
                    "the warehouse of " + file.environment() + " cannot be reached from a checkout of its output: "
                            + fields + (file.notRepeatable().size() > 1 ? " are" : " is")
                            + " read from the process among other text in environments.toml",
                    "write such a field as one reference, such as `${env:WAREHOUSE_HOST}`, and compile again;"
                            + " or run the job from the workspace",
                    "");
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (String key : dev.storyc.emit.ConnectionFile.KEYS) {
            Optional<String> value = file.resolve(key, processEnvironment);
            Optional<String> variable = file.variable(key);
            if (value.isEmpty() && variable.isPresent()) {
                throw new DatabaseException(DatabaseException.Kind.PASSWORD_UNSET,
                        "the warehouse " + key.replace('_', ' ') + " of " + file.environment() + " is not set: `warehouse."
                                + key + "` reads " + file.fields().get(key) + " and " + variable.get() + " is not set",
                        "export " + variable.get() + " where the job runs (for Kubernetes, a key of the Secret storyc-"
                                + file.environment() + ")",
                        "");
            }
            value.ifPresent(v -> values.put(key, v));
        }
        int port;
        try {
            port = Integer.parseInt(values.getOrDefault("port", "5439"));
        } catch (NumberFormatException e) {
            throw new DatabaseException(DatabaseException.Kind.OTHER,
                    "the warehouse port of " + file.environment() + " is `" + values.get("port") + "`, not a number",
                    "set the variable warehouse.port reads to the port's number", "");
        }
        return new WarehouseTarget(
                file.environment(),
                Engine.of(values.getOrDefault("engine", "redshift")),
                values.getOrDefault("host", ""),
                port,
                values.getOrDefault("database", ""),
                values.getOrDefault("schema", ""),
                values.getOrDefault("registry_schema", DEFAULT_REGISTRY_SCHEMA),
                values.getOrDefault("user", ""),
                Optional.ofNullable(values.get("password"))
                        .map(password -> new Secret(password, file.fields().get("password"))),
                urlOverride.filter(url -> !url.isBlank()),
                timeouts);
    }

    /**
     * Returns the JDBC URL to connect to: the override, or one built from host, port and database.
     */
    public String jdbcUrl() {
        return urlOverride.orElseGet(() -> "jdbc:postgresql://" + hostAndPort() + "/" + database);
    }

    /**
     * Returns where storyc connects, for messages: {@code user@host:port/database}, or the override
     * without its query string and user information, which may hold credentials.
     */
    public String describe() {
        return user
                + "@"
                + urlOverride
                        .map(WarehouseTarget::redact)
                        .orElseGet(() -> hostAndPort() + "/" + database);
    }

    private String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static String redact(String jdbcUrl) {
        try {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String host = uri.getHost() == null ? "" : uri.getHost();
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return host
                    + port
                    + (uri.getPath() == null ? "" : uri.getPath())
                    + " (from warehouse.url)";
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return "the URL of the warehouse.url setting";
        }
    }

    /**
     * Returns a field's text, read from the process when it was ({@code host = "${env:WH_HOST}"}):
     * a value read from the process is carried tainted, and taking only plain strings made such a
     * host empty, which JDBC reads as localhost.
     */
    private static String text(Map<?, ?> table, String key, String fallback) {
        return Tainted.reveal(table.get(key)) instanceof String value ? value : fallback;
    }
}
