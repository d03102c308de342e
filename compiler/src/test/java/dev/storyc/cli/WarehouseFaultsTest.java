package dev.storyc.cli;

import static dev.storyc.testing.WarehouseWorkspace.rows;
import static dev.storyc.testing.WarehouseWorkspace.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.db.Applier;
import dev.storyc.testing.Checkout;
import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.WarehouseWorkspace;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Every fault of issue 10's table, each against a real PostgreSQL: a located diagnostic (exit 1) or
 * a clear exit-3 message, never a stack trace or the password, and never a half-applied change: the
 * schema and the registry are as they were, but for the event log's record of a failure.
 */
class WarehouseFaultsTest {
    private static final String WRONG_PASSWORD = "not-the-Pa55word-at-all";

    /** One fault: how to provoke it, and what the user must see. */
    record Fault(
            String name,
            Consumer<WarehouseWorkspace> setup,
            List<String> args,
            Map<String, String> env,
            int exit,
            String says,
            String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                fault(
                        "unreachable host",
                        ws -> {},
                        List.of(
                                "-D",
                                "warehouse.url=jdbc:postgresql://127.0.0.1:"
                                        + closedPort()
                                        + "/acc"),
                        Map.of(),
                        3,
                        "cannot reach the warehouse of acc at",
                        null),
                fault(
                        "unknown host",
                        ws ->
                                replace(
                                        ws,
                                        "warehouse.host = \"127.0.0.1\"",
                                        "warehouse.host = \"no-such-host.invalid\""),
                        List.of(),
                        Map.of(),
                        3,
                        "@no-such-host.invalid:",
                        null),
                fault(
                        "wrong password",
                        ws -> {},
                        List.of(),
                        Map.of(WarehouseWorkspace.PASSWORD_VARIABLE, WRONG_PASSWORD),
                        3,
                        "refused to log in " + PostgresServer.USER + "@127.0.0.1",
                        null),
                fault(
                        "password with the newline a secret file keeps",
                        ws -> {},
                        List.of(),
                        Map.of(WarehouseWorkspace.PASSWORD_VARIABLE, PostgresServer.PASSWORD + "\n"),
                        3,
                        "begins or ends with white space, such as the newline a secret made from a file keeps",
                        null),
                fault(
                        "password unset",
                        ws -> {},
                        List.of(),
                        Map.of(WarehouseWorkspace.PASSWORD_VARIABLE, ""),
                        3,
                        "the warehouse password of acc is not set",
                        null),
                fault(
                        "missing database",
                        ws ->
                                replace(
                                        ws,
                                        "warehouse.database = \"" + ws.acc.name() + "\"",
                                        "warehouse.database = \"no_such_database\""),
                        List.of(),
                        Map.of(),
                        3,
                        "has no database `no_such_database`",
                        null),
                fault(
                        "failing deploy",
                        ws ->
                                change(
                                        ws,
                                        "01-bad",
                                        "ALTER TABLE analytics.base\n"
                                            + "    ADD COLUMN x INTEGER;\n"
                                            + "SELECT nosuch FROM analytics.base;\n",
                                        "SELECT 1;\n",
                                        null),
                        List.of(),
                        Map.of(),
                        1,
                        "warehouse/base/bad/deploy.sql:3:8",
                        "E0807"),
                fault(
                        "a deploy refused without a position is placed at its statement",
                        ws ->
                                change(
                                        ws,
                                        "01-bad",
                                        "-- a later change\n"
                                            + "ALTER TABLE analytics.base ADD COLUMN x INTEGER;\n\n"
                                            + "/* the index names a column that is not there */\n"
                                            + "CREATE INDEX base_y ON analytics.base (y);\n",
                                        "SELECT 1;\n",
                                        null),
                        List.of(),
                        Map.of(),
                        1,
                        "warehouse/base/bad/deploy.sql:5:1",
                        "E0807"),
                fault(
                        "a verify refused without a position is placed at its statement",
                        ws ->
                                change(
                                        ws,
                                        "01-bad",
                                        "ALTER TABLE analytics.base ADD COLUMN x INT;\n",
                                        "ALTER TABLE analytics.base DROP COLUMN x;\n",
                                        // The first statement reads what the deploy made: the replay
                                        // runs the deploy first, as the apply did.
                                        "SELECT x FROM analytics.base WHERE 1 = 0;\n"
                                                + "DO $$ BEGIN RAISE EXCEPTION 'x is missing'; END $$;\n"),
                        List.of(),
                        Map.of(),
                        1,
                        "warehouse/base/bad/verify.sql:2:1",
                        "E0808"),
                fault(
                        "a verify is replayed as the session the apply ran it in, not as the role the deploy set",
                        ws ->
                                change(
                                        ws,
                                        "01-bad",
                                        // A role that may not read analytics: had the replay kept it,
                                        // the verify's first line would have been refused instead.
                                        "SET ROLE pg_signal_backend;\nSELECT 1;\n",
                                        "SELECT 1;\n",
                                        "SELECT count(*) FROM analytics.base;\n"
                                                + "DO $$ BEGIN RAISE EXCEPTION 'base is not ready'"
                                                + " USING ERRCODE = '42501'; END $$;\n"),
                        List.of(),
                        Map.of(),
                        1,
                        "warehouse/base/bad/verify.sql:2:1",
                        "E0808"),
                fault(
                        "failing verify",
                        ws ->
                                change(
                                        ws,
                                        "01-bad",
                                        "ALTER TABLE analytics.base ADD COLUMN x INT;\n",
                                        "ALTER TABLE analytics.base DROP COLUMN x;\n",
                                        "SELECT 1;\nSELECT y FROM analytics.base;\n"),
                        List.of(),
                        Map.of(),
                        1,
                        "warehouse/base/bad/verify.sql:2:8",
                        "E0808"),
                fault(
                        "failing revert",
                        ws -> {
                            ws.acc.execute(
                                    "UPDATE storyc.changes SET revert_script = E'-- broken\\n"
                                        + "SELECT nosuch FROM analytics.extra;' WHERE story ="
                                        + " 'extra'");
                            ws.write("releases/r1.toml", "stories = [\"base\"]\n");
                        },
                        List.of(),
                        Map.of(),
                        1,
                        "registry:extra/base/revert.sql:2:8",
                        "E0809"),
                fault(
                        "failing stored revert says how to replace it",
                        ws -> {
                            ws.acc.execute(
                                    "UPDATE storyc.changes SET revert_script = 'SELECT nosuch FROM"
                                        + " analytics.extra;' WHERE story = 'extra'");
                            ws.write("releases/r1.toml", "stories = [\"base\"]\n");
                        },
                        List.of(),
                        Map.of(),
                        1,
                        "put story `extra` back in the release, fix its revert.sql, compile and apply",
                        "E0809"),
                fault(
                        "failing stored revert of a change that left its story says to put the change back",
                        ws -> {
                            change(ws, "01-more", "SELECT 1;\n", "SELECT nosuch;\n", null);
                            ws.storyc("compile", "--env", "acc");
                            ws.storyc("warehouse", "apply", "--env", "acc");
                            Checkout.deleteTree(ws.root.resolve("stories/base/schema/changes"));
                        },
                        List.of(),
                        Map.of(),
                        1,
                        "put the change back in story `base` (schema/changes/NN-more/), fix its revert.sql",
                        "E0809"),
                fault(
                        "lock held by another apply",
                        ws -> change(ws, "01-more", "SELECT 1;\n", "SELECT 1;\n", null),
                        List.of("-D", "warehouse.lock_timeout=1"),
                        Map.of(),
                        3,
                        "another apply is running on",
                        null),
                fault(
                        "edited deployed change",
                        ws ->
                                ws.write(
                                        "stories/base/schema/deploy.sql",
                                        "CREATE TABLE <% env.warehouse.schema %>.base (id BIGINT"
                                            + " NOT NULL);\n"),
                        List.of(),
                        Map.of(),
                        1,
                        "change `base/base` was edited after it was deployed",
                        "E0806"),
                fault(
                        "registry from a newer storyc",
                        ws -> ws.acc.execute("UPDATE storyc.registry SET version = 99"),
                        List.of(),
                        Map.of(),
                        3,
                        "has format 99, written by a newer storyc",
                        null),
                fault(
                        "registry emptied of its version row",
                        ws -> ws.acc.execute("DELETE FROM storyc.registry"),
                        List.of(),
                        Map.of(),
                        3,
                        "the registry storyc is damaged: its table storyc.registry holds 0 rows, where"
                                + " storyc writes exactly one; storyc cannot tell what is deployed",
                        null),
                fault(
                        "registry with two version rows",
                        ws -> ws.acc.execute("INSERT INTO storyc.registry SELECT * FROM storyc.registry"),
                        List.of(),
                        Map.of(),
                        3,
                        "its table storyc.registry holds 2 rows",
                        null),
                fault(
                        "registry without its event log",
                        ws -> ws.acc.execute("DROP TABLE storyc.events"),
                        List.of(),
                        Map.of(),
                        3,
                        "the registry storyc is damaged: its table storyc.events is missing",
                        null),
                fault(
                        "output commit that does not exist",
                        ws -> {},
                        List.of("--commit", "0123456789abcdef"),
                        Map.of(),
                        3,
                        "output commit `0123456789abcdef` does not exist",
                        null),
                fault(
                        "rework outside development",
                        ws -> {},
                        List.of("--rework"),
                        Map.of(),
                        2,
                        "--rework is for development environments, and acc is acceptance",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void faultsAreExplainedAndApplyNothing(Fault fault, @TempDir Path temp) throws Exception {
        try (WarehouseWorkspace ws = WarehouseWorkspace.create(temp)) {
            Map<String, String> env =
                    new HashMap<>(
                            WarehouseWorkspace.PROCESS_ENVIRONMENT);
            assertThat(Storyc.run(ws.root, env, "compile", "--env", "acc").exitCode()).isZero();
            assertThat(Storyc.run(ws.root, env, "warehouse", "apply", "--env", "acc").exitCode())
                    .isZero();
            fault.setup().accept(ws);
            assertThat(Storyc.run(ws.root, env, "compile", "--env", "acc").exitCode()).isZero();
            List<String> before = state(ws);
            env.putAll(fault.env());
            if (env.get(WarehouseWorkspace.PASSWORD_VARIABLE).isEmpty()) {
                env.remove(WarehouseWorkspace.PASSWORD_VARIABLE);
            }
            List<String> args = new ArrayList<>(fault.args());
            args.addAll(0, List.of("warehouse", "apply", "--env", "acc"));
            if (args.contains("-D")) {
                int d = args.indexOf("-D");
                String setting = args.remove(d + 1);
                args.remove(d);
                args.addAll(0, List.of("-D", setting));
            }
            Storyc.Outcome outcome;
            try (Connection holder = ws.acc.connect()) {
                if (fault.name().startsWith("lock held")) {
                    try (Statement statement = holder.createStatement()) {
                        statement.execute(
                                "SELECT pg_advisory_lock(" + Applier.lockKey("storyc") + ")");
                    }
                }
                outcome = Storyc.run(ws.root, env, args.toArray(String[]::new));
            }
            String all = outcome.stdout() + outcome.stderr();
            assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(fault.exit());
            assertThat(all).as(outcome.toString()).contains(fault.says());
            if (fault.code() != null) {
                assertThat(outcome.stderr()).contains("error[" + fault.code() + "]");
            }
            assertThat(all)
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception")
                    .doesNotContain(PostgresServer.PASSWORD)
                    .doesNotContain(WRONG_PASSWORD);
            assertThat(state(ws)).as("nothing half-applied").isEqualTo(before);
            if (fault.name().startsWith("registry")) {
                // The log reads the same registry, and refuses it the same way (round 17: it printed an
                // empty log, exit 0).
                Storyc.Outcome log = Storyc.run(ws.root, env, "warehouse", "log", "--env", "acc");
                assertThat(log.exitCode()).as(log.toString()).isEqualTo(3);
                assertThat(log.stderr()).as(log.toString()).contains(fault.says());
            }
            if (fault.code() != null && !fault.code().equals("E0806")) {
                assertThat(
                                rows(
                                        ws.acc,
                                        "SELECT kind FROM storyc.events ORDER BY sequence DESC"
                                            + " LIMIT 1"))
                        .containsExactly("fail");
            }
        }
    }

    /**
     * The schema's tables and columns and the registry's rows: what a half-applied change would
     * alter.
     */
    private static List<String> state(WarehouseWorkspace ws) {
        List<String> state = new ArrayList<>(tables(ws.acc, "analytics"));
        state.addAll(
                rows(
                        ws.acc,
                        "SELECT table_name || '.' || column_name FROM information_schema.columns"
                                + " WHERE table_schema = 'analytics' ORDER BY 1"));
        state.addAll(
                rows(
                        ws.acc,
                        "SELECT story, change, deploy_hash, revert_hash, revert_script FROM"
                            + " storyc.changes ORDER BY sequence"));
        return state;
    }

    private static Arguments fault(
            String name,
            Consumer<WarehouseWorkspace> setup,
            List<String> args,
            Map<String, String> env,
            int exit,
            String says,
            String code) {
        return Arguments.of(new Fault(name, setup, args, env, exit, says, code));
    }

    private static void replace(WarehouseWorkspace ws, String from, String to) {
        Path file = ws.root.resolve("environments.toml");
        String text = Checkout.read(file);
        assertThat(text).contains(from);
        Checkout.write(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    private static void change(
            WarehouseWorkspace ws, String folder, String deploy, String revert, String verify) {
        String base = "stories/base/schema/changes/" + folder + "/";
        ws.write(base + "deploy.sql", deploy);
        ws.write(base + "revert.sql", revert);
        if (verify != null) {
            ws.write(base + "verify.sql", verify);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
