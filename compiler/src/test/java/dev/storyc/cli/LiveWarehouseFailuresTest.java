package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input for the run-time commands, one row each: the workspace or the database is broken in one
 * way, the example is deployed, seeded and loaded, and the command must report the code at the
 * exact line of the compiled output (found by a marker text) and leave nothing half-written.
 */
class LiveWarehouseFailuresTest {
    @TempDir Path folder;

    /**
     * @param workspaceEdit a change to the workspace before compiling
     * @param databaseEdit SQL run after deploying, seeding and a first successful ETL run
     * @param file the output file the diagnostic must point at, or null for exit-3 failures
     * @param marker text on the line the diagnostic must point at
     */
    record Case(
            String name,
            Consumer<Path> workspaceEdit,
            String databaseEdit,
            List<String> command,
            int exitCode,
            String code,
            String file,
            String marker,
            String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Makes the database's sessions run as a new role without any privilege, as a login whose
     * default role is a reader the DBA forgot to grant would.
     */
    static final String READER_ROLE = "DO $$ BEGIN"
            + " EXECUTE format('CREATE ROLE %I NOLOGIN', current_database() || '_reader');"
            + " EXECUTE format('ALTER ROLE %I IN DATABASE %I SET role = %L', current_user, current_database(),"
            + " current_database() || '_reader'); END $$";

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "job SQL fails",
                        w -> {},
                        "ALTER TABLE raw_ehr.ehr_patients DROP COLUMN postal_code",
                        List.of("etl", "run", "--env", "integration", "load_patients"),
                        1,
                        "E0903",
                        "etl/patients/load_patients.sql",
                        "LEFT(p.postal_code, 3)",
                        "column p.postal_code does not exist"),
                new Case(
                        "commit refused by a deferred constraint",
                        w -> {},
                        "CREATE FUNCTION analytics.refuse() RETURNS trigger LANGUAGE plpgsql AS"
                                + " $$BEGIN RAISE EXCEPTION 'refused at commit'; END$$;"
                                + " CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON"
                                + " analytics.patients DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
                                + " EXECUTE FUNCTION analytics.refuse()",
                        List.of("etl", "run", "--env", "integration", "load_patients"),
                        1,
                        "E0903",
                        null,
                        null,
                        "committing ETL job `patients/load_patients` failed in integration:"
                                + " refused at commit"),
                new Case(
                        "merge query repeats its key",
                        w -> {},
                        "INSERT INTO raw_ehr.sched_appointments SELECT * FROM raw_ehr.sched_appointments"
                                + " WHERE appointment_id = 'A001'",
                        List.of("etl", "run", "--env", "integration", "load_appointments"),
                        1,
                        "E0904",
                        null,
                        null,
                        // The target the user named, never the stage table storyc checks.
                        "would leave key (appointment_id) repeated in analytics.appointments: (A001) x2"),
                new Case(
                        "merge job without key",
                        w ->
                                edit(
                                        w,
                                        "stories/appointments/etl/load_appointments.job.toml",
                                        "key = \"appointment_id\"\n",
                                        ""),
                        null,
                        List.of("check", "--env", "integration"),
                        1,
                        "E0901",
                        null,
                        null,
                        "merge job `load_appointments` names no key"),
                new Case(
                        "test returns rows",
                        w ->
                                Checkout.write(
                                        w.resolve("stories/patients/tests/one_row.sql"),
                                        "-- Each patient once: a cross join makes two of each, so"
                                            + " this fails.\n"
                                            + "SELECT p.patient_id, g.n\n"
                                            + "FROM <% env.warehouse.schema %>.patients AS p\n"
                                            + "CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2) AS"
                                            // Counting the rows wraps the query: the comment
                                            // must not swallow the wrapper's end.
                                            + " g -- two of each\n"),
                        null,
                        List.of("test", "--env", "integration", "--story", "patients"),
                        1,
                        "E0911",
                        "tests/patients/one_row.sql",
                        "SELECT p.patient_id, g.n",
                        "(10 of 16 rows shown)"),
                new Case(
                        "test's SQL fails, at the server's position",
                        w ->
                                Checkout.write(
                                        w.resolve("stories/patients/tests/broken.sql"),
                                        "-- A typo three lines down.\n"
                                                + "SELECT p.patient_id\n"
                                                + "FROM <% env.warehouse.schema %>.patients AS p\n"
                                                + "WHERE p.nosuch = 1\n"),
                        null,
                        List.of("test", "--env", "integration", "--story", "patients"),
                        1,
                        "E0912",
                        "tests/patients/broken.sql",
                        "WHERE p.nosuch",
                        "column p.nosuch does not exist"),
                new Case(
                        "a key's sql ends in a line comment",
                        w -> edit(w, "stories/patients/views/patients.view.lkml",
                                "    sql: ${TABLE}.patient_id ;;",
                                "    sql: ${TABLE}.patient_id -- the EHR's id\n    ;;"),
                        null,
                        List.of("test", "--env", "integration", "--story", "patients"),
                        0,
                        null,
                        null,
                        null,
                        "2 passed"),
                new Case(
                        "a field's sql ends in a line comment",
                        w -> edit(w, "stories/patients/views/patients.view.lkml",
                                "    sql: ${TABLE}.patient_id ;;",
                                "    sql: ${TABLE}.patient_id -- the EHR's id\n    ;;"),
                        null,
                        List.of("validate", "--env", "integration"),
                        0,
                        null,
                        null,
                        null,
                        " 0 problems, 0 not validated"),
                new Case(
                        "a key's sql holds Liquid",
                        w -> edit(w, "stories/patients/views/patients.view.lkml",
                                "    sql: ${TABLE}.patient_id ;;",
                                "    sql: {% if _user_attributes['x'] %} ${TABLE}.patient_id {% endif %} ;;"),
                        null,
                        List.of("test", "--env", "integration", "--story", "patients"),
                        0,
                        null,
                        null,
                        null,
                        "skip   patients.patient_id is not null  (Liquid is rendered by Looker at query time)"),
                new Case(
                        "a failing test's NULL is not the text NULL",
                        w -> Checkout.write(w.resolve("stories/patients/tests/nulls.sql"),
                                "SELECT 'NULL' AS word, NULL AS nothing\n"),
                        null,
                        List.of("test", "--env", "integration", "--story", "patients"),
                        1,
                        "E0911",
                        "tests/patients/nulls.sql",
                        "SELECT 'NULL'",
                        "NULL | <null>"),
                new Case(
                        "dimension's column dropped",
                        w -> {},
                        "ALTER TABLE analytics.patients DROP COLUMN zip3",
                        List.of("validate", "--env", "integration"),
                        1,
                        "E0921",
                        "views/patients/patients.view.lkml",
                        "sql: ${TABLE}.zip3 ;;",
                        "column patients.zip3 does not exist"),
                new Case(
                        "join names a missing column",
                        w ->
                                edit(
                                        w,
                                        "stories/care-gaps/explores/care_gaps.explore.lkml",
                                        "sql_on: ${care_gaps.patient_id} = ${patients.patient_id}"
                                            + " ;;",
                                        "sql_on: ${care_gaps.patient_id} = ${patients.patient_id}"
                                            + " AND patients.pcp_npi > 0 ;;"),
                        null,
                        List.of("validate", "--env", "integration"),
                        1,
                        "E0922",
                        "explores/care-gaps/care_gaps.explore.lkml",
                        "patients.pcp_npi",
                        "column patients.pcp_npi does not exist"),
                // Unparsable Liquid is refused at compile time (E0624, offline checks); Liquid
                // that parses is counted and skipped, since only Looker knows its output.
                new Case(
                        "Liquid is skipped with a count",
                        w ->
                                edit(
                                        w,
                                        "stories/patients/views/patients.view.lkml",
                                        "  dimension: zip3 {",
                                        "  dimension: zip3_liquid {\n"
                                                + "    type: string\n"
                                                + "    sql: {% if _user_attributes['can_see_zip'] %}"
                                                + " ${TABLE}.zip3 {% endif %} ;;\n"
                                                + "  }\n\n"
                                                + "  dimension: zip3 {"),
                        null,
                        List.of("validate", "--env", "integration"),
                        0,
                        null,
                        null,
                        null,
                        "skipped 1 (1: Liquid is rendered by Looker at query time)"),
                // A role without privileges is the environment's configuration: one exit-3
                // message naming the role, not an E0923 per view or an E0912 per test.
                new Case(
                        "a role that may not read the schema, validating",
                        w -> {},
                        READER_ROLE,
                        List.of("validate", "--env", "integration"),
                        3,
                        null,
                        null,
                        null,
                        "_reader` (logged in as `" + PostgresServer.USER + "`) of integration may not read what"
                                + " `storyc validate` needs: permission denied for schema analytics"),
                new Case(
                        "a role that may not read the schema, testing",
                        w -> {},
                        READER_ROLE,
                        List.of("test", "--env", "integration"),
                        3,
                        null,
                        null,
                        null,
                        "of integration may not read what `storyc test` needs: permission denied for schema"
                                + " analytics"),
                new Case(
                        "the connection is lost while testing",
                        w -> Checkout.write(w.resolve("stories/patients/tests/lost.sql"),
                                "SELECT 1 AS n WHERE pg_terminate_backend(pg_backend_pid())\n"),
                        null,
                        List.of("test", "--env", "integration", "--story", "patients"),
                        3,
                        null,
                        null,
                        null,
                        "help: run it again once the warehouse answers; it only reads, so nothing was changed"),
                new Case(
                        "unreachable database",
                        w -> {},
                        null,
                        List.of("validate", "--env", "integration"),
                        3,
                        null,
                        null,
                        null,
                        "cannot reach the warehouse of integration at"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheCodeAtTheOutputLine(Case row) throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database database = server.createDatabase("live_bad")) {
            Path workspace = folder.resolve("workspace");
            Checkout.copyExampleWorkspace(workspace);
            Path environments = workspace.resolve("environments.toml");
            Checkout.write(
                    environments,
                    Checkout.read(environments)
                            .replace(
                                    "warehouse.database = \"analytics_int\"\n",
                                    database.warehouseToml(
                                            "analytics", LiveWarehouseFixture.PASSWORD_VARIABLE)));
            row.workspaceEdit().accept(workspace);
            LiveWarehouseFixture fixture = LiveWarehouseFixture.over(workspace);
            Storyc.Outcome outcome;
            if (row.command().get(0).equals("check")) {
                outcome = fixture.storyc(database, row.command().toArray(String[]::new));
            } else {
                Storyc.Outcome compiled =
                        fixture.storyc(database, "compile", "--env", "integration");
                assertThat(compiled.exitCode()).as(compiled.toString()).isZero();
                fixture.deploy(database);
                fixture.seed(database);
                Storyc.Outcome loaded =
                        fixture.storyc(database, "etl", "run", "--env", "integration");
                assertThat(loaded.exitCode()).as(loaded.toString()).isZero();
                if (row.databaseEdit() != null) {
                    database.execute(row.databaseEdit());
                }
                if (row.name().startsWith("unreachable")) {
                    Map<String, String> unreachable =
                            new HashMap<>(
                                    PostgresServer.Database.passwordEnvironment(
                                            LiveWarehouseFixture.PASSWORD_VARIABLE));
                    unreachable.put(
                            "STORYC_WAREHOUSE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere");
                    unreachable.put("STORYC_WAREHOUSE_CONNECT_TIMEOUT", "2");
                    outcome =
                            Storyc.run(
                                    workspace, unreachable, row.command().toArray(String[]::new));
                } else {
                    outcome = fixture.storyc(database, row.command().toArray(String[]::new));
                }
            }

            assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(row.exitCode());
            assertThat(outcome.stdout() + outcome.stderr())
                    .as(outcome.toString())
                    .contains(row.message())
                    .doesNotContain(PostgresServer.PASSWORD)
                    .doesNotContain("\tat ");
            if (row.code() != null) {
                assertThat(outcome.stderr())
                        .as(outcome.toString())
                        .contains("error[" + row.code() + "]");
            }
            if (row.file() != null) {
                String text = Files.readString(fixture.output().resolve(row.file()));
                int line = text.substring(0, text.indexOf(row.marker())).split("\n", -1).length;
                assertThat(outcome.stderr())
                        .as(outcome.toString())
                        .contains("--> out/integration/" + row.file() + ":" + line + ":");
            }
            if (row.code() != null && row.code().equals("E0903")) {
                assertThat(
                                LiveWarehouseTest.count(
                                        database, "SELECT COUNT(*) FROM analytics.patients"))
                        .as("the failed replace was rolled back whole")
                        .isEqualTo(8);
                assertThat(
                                LiveWarehouseTest.count(
                                        database,
                                        "SELECT COUNT(*) FROM storyc.etl_runs WHERE status ="
                                            + " 'failed' AND error LIKE '%"
                                            + row.message().replaceAll(".*: ", "")
                                            + "%'"))
                        .isEqualTo(1);
            }
        }
    }

    static void edit(Path workspace, String file, String from, String to) {
        Path path = workspace.resolve(file);
        String text = Checkout.read(path);
        assertThat(text).contains(from);
        Checkout.write(path, text.replace(from, to));
    }
}
