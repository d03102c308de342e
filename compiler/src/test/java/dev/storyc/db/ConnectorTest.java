package dev.storyc.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentKind;
import dev.storyc.config.OutputSettings;
import dev.storyc.config.SecretReference;
import dev.storyc.diag.Position;
import dev.storyc.testing.PostgresServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Connecting to a real PostgreSQL: success, and every way a connection fails, each a message that
 * names the environment and what to check, and none that shows the password.
 */
class ConnectorTest {
    private static final String VARIABLE = "STORYC_TEST_WAREHOUSE_PASSWORD";
    private static final String WRONG = "Wr0ng-Secret-That-Must-Not-Leak";

    @Test
    void connectsWithTheEnvironmentsSettingsAndTheSecretsValue() throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database database = server.createDatabase("connector_ok")) {
            WarehouseTarget target =
                    WarehouseTarget.of(
                            environment(server.port(), database.name()),
                            Map.of(VARIABLE, PostgresServer.PASSWORD),
                            Optional.empty(),
                            Timeouts.DEFAULT);
            assertThat(target.toString()).doesNotContain(PostgresServer.PASSWORD).contains("****");
            try (Connection connection = Connector.open(target);
                    ResultSet rows =
                            connection
                                    .createStatement()
                                    .executeQuery("SELECT current_database()")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo(database.name());
            }
            // The session's bounds: a lock wait ends at warehouse.lock_timeout, and a transaction
            // left open by a frozen network is ended by the server.
            try (Connection connection = Connector.open(target);
                    var statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SELECT current_setting('lock_timeout'),"
                        + " current_setting('idle_in_transaction_session_timeout')")) {
                    rows.next();
                    assertThat(rows.getString(1) + " " + rows.getString(2)).isEqualTo("1min 10min");
                }
                // After each change and job: RESET ALL, then the bounds again, the session's name too.
                statement.execute("RESET ALL; " + SessionBounds.sql(target));
                try (ResultSet rows = statement.executeQuery("SELECT current_setting('application_name'),"
                        + " current_setting('lock_timeout')")) {
                    rows.next();
                    assertThat(rows.getString(1) + " " + rows.getString(2)).isEqualTo("storyc 1min");
                }
            }
        }
    }

    @Test
    void aFailureThroughTheUrlSettingNamesTheUrlsHostAndAsksForSslInWords() throws Exception {
        int port = PostgresServer.shared().port();
        WarehouseTarget unknown = WarehouseTarget.of(environment(1, "not_this_one"),
                Map.of(VARIABLE, PostgresServer.PASSWORD),
                Optional.of("jdbc:postgresql://no-such-host.invalid:5432/x"), Timeouts.DEFAULT);
        assertThatThrownBy(() -> Connector.open(unknown))
                .hasMessage("cannot reach the warehouse of acceptance-1 at " + PostgresServer.USER
                        + "@no-such-host.invalid:5432/x (from warehouse.url): the host name does not resolve");

        // The test server offers no SSL.
        WarehouseTarget ssl = WarehouseTarget.of(environment(1, "not_this_one"),
                Map.of(VARIABLE, PostgresServer.PASSWORD),
                Optional.of("jdbc:postgresql://127.0.0.1:" + port + "/postgres?sslmode=require"), Timeouts.DEFAULT);
        assertThatThrownBy(() -> Connector.open(ssl))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.getMessage()).endsWith("does not offer SSL, which the connection asks for");
                    assertThat(e.hint()).contains("sslmode");
                });
    }

    @Test
    void aUrlSettingReplacesHostPortAndDatabase() throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database database = server.createDatabase("connector_url")) {
            WarehouseTarget target =
                    WarehouseTarget.of(
                            environment(1, "not_this_one"),
                            Map.of(VARIABLE, PostgresServer.PASSWORD),
                            Optional.of(database.jdbcUrl() + "?sslmode=disable"),
                            Timeouts.DEFAULT);
            assertThat(target.describe())
                    .isEqualTo(
                            PostgresServer.USER
                                    + "@127.0.0.1:"
                                    + server.port()
                                    + "/"
                                    + database.name()
                                    + " (from warehouse.url)");
            try (Connection connection = Connector.open(target)) {
                assertThat(connection.getCatalog()).isEqualTo(database.name());
            }
        }
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        "closed port",
                        "127.0.0.1",
                        closedPort(),
                        "postgres",
                        PostgresServer.PASSWORD,
                        DatabaseException.Kind.UNREACHABLE,
                        "connection refused"),
                Arguments.of(
                        "unknown host",
                        "no-such-host.invalid",
                        5432,
                        "postgres",
                        PostgresServer.PASSWORD,
                        DatabaseException.Kind.UNREACHABLE,
                        "@no-such-host.invalid:5432/postgres: the host name does not resolve"),
                Arguments.of(
                        "wrong password",
                        "127.0.0.1",
                        -1,
                        "postgres",
                        WRONG,
                        DatabaseException.Kind.AUTHENTICATION,
                        "password authentication failed"),
                Arguments.of(
                        "missing database",
                        "127.0.0.1",
                        -1,
                        "no_such_database",
                        PostgresServer.PASSWORD,
                        DatabaseException.Kind.MISSING_DATABASE,
                        "has no database `no_such_database`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failuresExplainThemselvesWithoutThePassword(
            String name,
            String host,
            int port,
            String database,
            String password,
            DatabaseException.Kind kind,
            String message)
            throws Exception {
        int actualPort = port < 0 ? PostgresServer.shared().port() : port;
        WarehouseTarget target =
                new WarehouseTarget(
                        "acceptance-1",
                        Engine.POSTGRES,
                        host,
                        actualPort,
                        database,
                        "analytics",
                        "storyc",
                        PostgresServer.USER,
                        Optional.of(new Secret(password, "${env:" + VARIABLE + "}")),
                        Optional.empty(),
                        new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(1)));
        assertThatThrownBy(() -> Connector.open(target))
                .isInstanceOfSatisfying(
                        DatabaseException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(kind);
                            assertThat(e.getMessage())
                                    .contains("acceptance-1")
                                    .contains(message)
                                    .doesNotContain(password);
                            assertThat(e.hint()).isNotBlank().doesNotContain(password);
                            assertThat(e.getCause()).isNull();
                            assertThat(e.getStackTrace()).isEmpty();
                        });
    }

    @Test
    void anUnsetPasswordVariableIsNamed() {
        assertThatThrownBy(
                        () ->
                                WarehouseTarget.of(
                                        environment(5432, "analytics"),
                                        Map.of(),
                                        Optional.empty(),
                                        Timeouts.DEFAULT))
                .isInstanceOfSatisfying(
                        DatabaseException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(DatabaseException.Kind.PASSWORD_UNSET);
                            assertThat(e.getMessage()).contains("${env:" + VARIABLE + "}");
                            assertThat(e.hint())
                                    .isEqualTo(
                                            "export "
                                                    + VARIABLE
                                                    + " in the shell or CI job that runs storyc");
                        });
    }

    /** A host read from the process is carried tainted; it was taken for none, which JDBC reads as localhost. */
    @Test
    @SuppressWarnings("unchecked")
    void aHostAndPortReadFromTheProcessAreTheOnesConnectedTo() throws Exception {
        Environment plain = environment(5439, "db");
        Map<String, Object> warehouse = new java.util.HashMap<>((Map<String, Object>) plain.values().get("warehouse"));
        warehouse.put("host", new dev.storyc.config.Tainted("warehouse.internal", "${env:WH_HOST}"));
        warehouse.put("port", new dev.storyc.config.Tainted(5440L, "${env:WH_PORT}"));
        Environment tainted = new Environment(plain.name(), plain.kind(), plain.connection(), plain.model(),
                plain.projectName(), plain.release(), plain.isProtected(), plain.output(), Map.of(),
                Map.of("warehouse", warehouse), "", plain.hash(), plain.definedAt(), plain.phi(), plain.releaseAt());

        WarehouseTarget target = WarehouseTarget.of(tainted, Map.of(VARIABLE, "pw"), Optional.empty(),
                Timeouts.DEFAULT);

        assertThat(target.host()).isEqualTo("warehouse.internal");
        assertThat(target.port()).isEqualTo(5440);
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://warehouse.internal:5440/db");
    }

    private static Environment environment(int port, String database) {
        Map<String, Object> warehouse =
                Map.of(
                        "engine",
                        "postgres",
                        "host",
                        "127.0.0.1",
                        "port",
                        (long) port,
                        "database",
                        database,
                        "schema",
                        "analytics",
                        "user",
                        PostgresServer.USER,
                        "password",
                        new SecretReference(VARIABLE, Optional.empty()));
        return new Environment(
                "acceptance-1",
                EnvironmentKind.ACCEPTANCE,
                "looker_acc",
                "warehouse",
                "acme",
                "all",
                false,
                new OutputSettings(Optional.empty(), Optional.empty(), "main"),
                Map.of(),
                Map.of("warehouse", warehouse),
                "",
                "0".repeat(64),
                Position.ofFile("environments.toml"),
                dev.storyc.config.PhiSettings.none(Position.ofFile("environments.toml")),
                Position.ofFile("environments.toml"));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
