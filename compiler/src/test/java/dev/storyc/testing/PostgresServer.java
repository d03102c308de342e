package dev.storyc.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real PostgreSQL 15 cluster per test JVM, for the warehouse and ETL tests: a private data
 * folder under the system temp folder, a free port on 127.0.0.1 only (no other address listens),
 * its Unix socket inside the data folder, and password (scram-sha-256) authentication over TCP for
 * the superuser {@link #USER}, so that a wrong password really is refused. It starts on first use
 * and stops, with its folder deleted, when the JVM exits.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: then every server command runs as the
 * {@code postgres} OS user through {@code runuser}, and the data folder belongs to it.
 *
 * <p>In CI ({@code CI=true}) a missing PostgreSQL fails the test, so that a broken machine cannot
 * pass by skipping; elsewhere it skips the test with a message saying what to install. The binaries
 * are looked up in {@code STORYC_PG_BIN}, then Debian's {@code /usr/lib/postgresql/15/bin}.
 *
 * <p>Tests create a uniquely named database each with {@link #createDatabase(String)} and drop it
 * by closing the returned {@link Database}.
 */
public final class PostgresServer {
    /** The superuser every test connects as. */
    public static final String USER = "storyc_test";

    /** Its password; tests pass it to storyc through an environment variable, like users do. */
    public static final String PASSWORD = "storyc-test-Pa55word";

    private static final Path DEFAULT_BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;

    private final Path bin;
    private final Path dataFolder;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dataFolder, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataFolder = dataFolder;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * Returns the JVM's server, starting it on first use. Skips the calling test outside CI when
     * PostgreSQL is not installed; fails it in CI.
     */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            Path bin = binaries();
            if (!Files.isExecutable(bin.resolve("initdb"))
                    || !Files.isExecutable(bin.resolve("pg_ctl"))) {
                String message =
                        "PostgreSQL is not installed (no initdb and pg_ctl in "
                                + bin
                                + "); `apt-get install postgresql` (as .ci/run does) or set"
                                + " STORYC_PG_BIN";
                if (inCi()) {
                    fail(message);
                }
                assumeTrue(false, message);
            }
            shared = start(bin);
            PostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-stop"));
        }
        return shared;
    }

    /** Returns true when PostgreSQL's binaries are installed where this harness looks for them. */
    public static boolean installed() {
        return Files.isExecutable(binaries().resolve("initdb"));
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Returns the JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Opens a connection to a database as the superuser, for a test's own assertions. */
    public Connection connect(String database) {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        try {
            return new org.postgresql.Driver().connect(jdbcUrl(database), properties);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot connect to " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a database with a unique name that starts with {@code prefix}; close it to drop it.
     */
    public Database createDatabase(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String name =
                (clean.isEmpty() ? "test" : clean)
                        + "_"
                        + ProcessHandle.current().pid()
                        + "_"
                        + DATABASES.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name);
        return new Database(this, name);
    }

    /** Runs one statement in a database as the superuser. */
    public void execute(String database, String sql) {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * A database of this server that a test owns: its name, how storyc reaches it, and a close that
     * drops it, ending any sessions a killed process left behind.
     */
    public record Database(PostgresServer server, String name) implements AutoCloseable {
        public String jdbcUrl() {
            return server.jdbcUrl(name);
        }

        public Connection connect() {
            return server.connect(name);
        }

        public void execute(String sql) {
            server.execute(name, sql);
        }

        /**
         * Returns the {@code warehouse} fields of an environments.toml environment that points at
         * this database, its password read from {@code passwordVariable}.
         */
        public String warehouseToml(String schema, String passwordVariable) {
            return """
                   warehouse.engine = "postgres"
                   warehouse.host = "127.0.0.1"
                   warehouse.port = %d
                   warehouse.database = "%s"
                   warehouse.schema = "%s"
                   warehouse.user = "%s"
                   warehouse.password = "${env:%s}"
                   """
                    .formatted(server.port, name, schema, USER, passwordVariable);
        }

        /** Returns a process environment that gives {@code passwordVariable} the right password. */
        public static Map<String, String> passwordEnvironment(String passwordVariable) {
            return Map.of(passwordVariable, PASSWORD);
        }

        @Override
        public void close() {
            server.execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static PostgresServer start(Path bin) {
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path folder = Files.createTempDirectory("storyc-postgres-");
            Path data = folder.resolve("data");
            Path passwordFile = folder.resolve("password");
            Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", folder.toString()), folder);
            }
            int port = freePort();
            PostgresServer server = new PostgresServer(bin, data, port, root);
            server.runServerTool(
                    List.of(
                            bin.resolve("initdb").toString(),
                            "--pgdata=" + data,
                            "--username=" + USER,
                            "--pwfile=" + passwordFile,
                            "--auth-local=trust",
                            "--auth-host=scram-sha-256",
                            "--encoding=UTF8",
                            "--locale=C",
                            "--no-sync"),
                    folder);
            Files.deleteIfExists(passwordFile);
            // Durability is pointless for throwaway test databases; the settings keep CI fast.
            String options =
                    "-c listen_addresses=127.0.0.1 -c port="
                            + port
                            + " -c unix_socket_directories="
                            + data
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                            + " -c max_connections=100 -c shared_buffers=32MB";
            server.runServerTool(
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "--pgdata=" + data,
                            "--log=" + folder.resolve("server.log"),
                            "--wait",
                            "--timeout=60",
                            "--options=" + options,
                            "start"),
                    folder);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        try {
            runServerTool(
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "--pgdata=" + dataFolder,
                            "--mode=immediate",
                            "--wait",
                            "stop"),
                    dataFolder.getParent());
        } catch (RuntimeException e) {
            System.err.println("stopping the test PostgreSQL failed: " + e.getMessage());
        }
        try {
            Checkout.deleteTree(dataFolder.getParent());
        } catch (UncheckedIOException e) {
            // A leftover folder in the temp folder is harmless; the cluster itself is stopped.
        }
    }

    private void runServerTool(List<String> command, Path folder) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, folder);
    }

    private static void run(List<String> command, Path folder) {
        try {
            Process process =
                    new ProcessBuilder(command)
                            .directory(folder.toFile())
                            .redirectErrorStream(true)
                            .start();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns where PostgreSQL's binaries are: {@code STORYC_PG_BIN}, else Debian's 15, else the
     * newest {@code /usr/lib/postgresql/N/bin} (a newer Debian installs a newer major version).
     */
    private static Path binaries() {
        String configured = System.getenv("STORYC_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (Files.isExecutable(DEFAULT_BIN.resolve("initdb"))) {
            return DEFAULT_BIN;
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(PostgresServer::majorVersion))
                    .orElse(DEFAULT_BIN);
        } catch (IOException e) {
            return DEFAULT_BIN;
        }
    }

    private static int majorVersion(Path bin) {
        String name = bin.getParent().getFileName().toString();
        return name.matches("[0-9]+") ? Integer.parseInt(name) : 0;
    }

    private static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
