package dev.storyc.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small workspace whose environments deploy into real databases of {@link PostgresServer}: {@code
 * acc} (acceptance, release r1: stories base and extra, extra requiring base) and {@code dev}
 * (development, every story), each with a database of its own that closes with it.
 */
public final class WarehouseWorkspace implements AutoCloseable {
    /** The variable the environments read their password from. */
    public static final String PASSWORD_VARIABLE = "STORYC_TEST_PG_PASSWORD";

    /** The process environment CI would give storyc: the password variable set. */
    public static final Map<String, String> PROCESS_ENVIRONMENT = Map.of(PASSWORD_VARIABLE, PostgresServer.PASSWORD);

    public final Path root;
    public final PostgresServer.Database acc;
    public final PostgresServer.Database dev;

    private WarehouseWorkspace(
            Path root, PostgresServer.Database acc, PostgresServer.Database dev) {
        this.root = root;
        this.acc = acc;
        this.dev = dev;
    }

    /** Creates the workspace under {@code folder} and two fresh databases. */
    public static WarehouseWorkspace create(Path folder) {
        PostgresServer server = PostgresServer.shared();
        Path root = folder.resolve("ws");
        Checkout.copy(Checkout.root().resolve("compiler/src/test/resources/cases/minimal"), root);
        PostgresServer.Database acc = server.createDatabase("acc");
        PostgresServer.Database dev = server.createDatabase("dev");
        Checkout.write(
                root.resolve("environments.toml"),
                """
                [environments.acc]
                kind = "acceptance"
                project_name = "mini"
                connection = "mini_acc"
                release = "r1"
                %s
                [environments.dev]
                kind = "development"
                project_name = "mini"
                connection = "mini_dev"
                release = "all"
                %s"""
                        .formatted(
                                acc.warehouseToml("analytics", PASSWORD_VARIABLE),
                                dev.warehouseToml("analytics", PASSWORD_VARIABLE)));
        return new WarehouseWorkspace(root, acc, dev);
    }

    /** Runs storyc in the workspace with the password set, as CI would. */
    public Storyc.Outcome storyc(String... args) {
        return Storyc.run(root, PROCESS_ENVIRONMENT, args);
    }

    /** Runs storyc as {@link #storyc} does, with {@code STORYC_ACTOR} naming who runs it. */
    public Storyc.Outcome storycAs(String actor, String... args) {
        return Storyc.run(root, Map.of(PASSWORD_VARIABLE, PostgresServer.PASSWORD, "STORYC_ACTOR", actor), args);
    }

    /** Writes a file of the workspace. */
    public void write(String path, String text) {
        Checkout.write(root.resolve(path), text);
    }

    /**
     * Adds the ETL job {@code base/fill}, which appends what {@code sql} selects (an {@code id}) to
     * story base's table, run by etl in the tests of runs, locks and privileges.
     */
    public void fillJob(String sql) {
        write("stories/base/etl/fill.job.toml",
                "target = \"<% env.warehouse.schema %>.base\"\nschedule = \"0 3 * * *\"\n"
                        + "sql = \"fill.sql\"\nsource = \"feed.base\"\nmode = \"append\"\n");
        write("stories/base/etl/fill.sql", sql);
    }

    /** Returns the rows of a query, each row's columns joined by '|'. */
    public static List<String> rows(PostgresServer.Database database, String sql) {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rows.getString(i));
                }
                result.add(row.toString());
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Returns the tables of a schema, sorted. */
    public static List<String> tables(PostgresServer.Database database, String schema) {
        return rows(
                database,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                        + schema
                        + "' ORDER BY table_name");
    }

    @Override
    public void close() {
        acc.close();
        dev.close();
    }
}
