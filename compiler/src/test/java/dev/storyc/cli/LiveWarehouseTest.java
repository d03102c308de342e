package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example on a real PostgreSQL: deployed, seeded, every ETL job run, every data test green and
 * every field valid; then the runs are on record.
 */
class LiveWarehouseTest {
    @TempDir Path folder;

    @Test
    void theExampleLoadsTestsAndValidatesEndToEnd() throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database database = server.createDatabase("live_example")) {
            LiveWarehouseFixture fixture = LiveWarehouseFixture.compiled(folder, database);
            Storyc.Outcome report = fixture.storyc(database, "etl", "status", "--env", "integration");
            assertThat(report.exitCode()).as(report.toString()).isZero();
            assertThat(report.stdout()).contains("7 jobs, 7 never run");
            assertThat(count(database, "SELECT COUNT(*) FROM information_schema.schemata WHERE"
                    + " schema_name = 'storyc'"))
                    .as("a report creates nothing in the warehouse").isZero();
            Storyc.Outcome early = fixture.storyc(database, "etl", "run", "--env", "integration");
            assertThat(early.exitCode()).as(early.toString()).isEqualTo(1);
            assertThat(early.stderr())
                    .contains(
                            "error[E0905]: ETL job `patients/load_patients` was not run: story"
                                + " `patients`'s schema changes are not deployed there yet"
                                + " (integration)")
                    .contains("--> out/integration/etl/patients/load_patients.job.toml")
                    .contains("storyc warehouse apply --env integration")
                    // Round 17: from a stale scheduler checkout, applying was the wrong advice.
                    .contains("if this is a checkout the schedules run in, pull it (git pull)");
            assertThat(
                            count(
                                    database,
                                    "SELECT COUNT(*) FROM storyc.etl_runs WHERE status ="
                                        + " 'refused'"))
                    .isEqualTo(1);
            fixture.deploy(database);
            fixture.seed(database);

            Storyc.Outcome run = fixture.storyc(database, "etl", "run", "--env", "integration");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.stdout())
                    .contains("succeeded patients/load_patients")
                    .contains("care-gaps/build_care_gaps");
            assertThat(count(database, "SELECT COUNT(*) FROM analytics.patients")).isEqualTo(8);
            assertThat(count(database, "SELECT COUNT(*) FROM analytics.encounters")).isEqualTo(4);
            assertThat(count(database, "SELECT COUNT(*) FROM analytics.claims")).isEqualTo(3);

            Storyc.Outcome again = fixture.storyc(database, "etl", "run", "--env", "integration");
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(count(database, "SELECT COUNT(*) FROM analytics.patients"))
                    .as("replace empties the target first")
                    .isEqualTo(8);
            assertThat(count(database, "SELECT COUNT(*) FROM analytics.encounters"))
                    .as("merge replaces rows by key")
                    .isEqualTo(4);

            Storyc.Outcome status =
                    fixture.storyc(database, "etl", "status", "--env", "integration");
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.stdout())
                    .contains("patients/load_patients")
                    .contains("succeeded")
                    .contains("7 jobs, 0 never run");
            assertThat(
                            count(
                                    database,
                                    "SELECT COUNT(*) FROM storyc.etl_runs WHERE status ="
                                        + " 'succeeded'"))
                    .isEqualTo(14);

            Storyc.Outcome test = fixture.storyc(database, "test", "--env", "integration");
            assertThat(test.exitCode()).as(test.toString()).isZero();
            assertThat(test.stdout())
                    .contains("pass   claims/paid_within_allowed")
                    .contains("pass   care-gaps/closed_after_opened")
                    .contains("pass   patients.patient_id is unique")
                    .contains("pass   patients.patient_id is not null");

            // A hand edit in the output's working tree changes nothing: tests run what was committed.
            java.nio.file.Path checkedOut = fixture.workspace.resolve(
                    "out/integration/tests/claims/paid_within_allowed.sql");
            assertThat(checkedOut).exists();
            java.nio.file.Files.writeString(checkedOut, "SELECT 1 AS hand_edited\n");
            Storyc.Outcome edited = fixture.storyc(database, "test", "--env", "integration");
            assertThat(edited.exitCode()).as(edited.toString()).isZero();
            assertThat(edited.stdout()).contains("pass   claims/paid_within_allowed");
            Storyc.Outcome quiet = fixture.storyc(database, "-q", "test", "--env", "integration");
            assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
            assertThat(quiet.stdout()).as("-q prints only errors").isEmpty();

            Storyc.Outcome junit =
                    fixture.storyc(database, "test", "--env", "integration", "--format", "junit");
            assertThat(junit.exitCode()).as(junit.toString()).isZero();
            org.w3c.dom.Element suite = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new java.io.StringReader(junit.stdout())))
                    .getDocumentElement();
            assertThat(suite.getAttribute("failures")).isEqualTo("0");
            assertThat(suite.getElementsByTagName("testcase").getLength())
                    .as("two primary key tests for each of the example's views with a key")
                    .isEqualTo(Integer.parseInt(suite.getAttribute("tests")))
                    .isGreaterThanOrEqualTo(14);

            Storyc.Outcome validate = fixture.storyc(database, "validate", "--env", "integration");
            assertThat(validate.exitCode()).as(validate.toString()).isZero();
            assertThat(validate.stdout()).contains("0 problems");
        }
    }

    @Test
    void anOutputCommitWithoutItsWarehousePlanRunsNoJob() throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database database = server.createDatabase("live_no_plan")) {
            LiveWarehouseFixture fixture = LiveWarehouseFixture.compiled(folder, database);
            fixture.deploy(database);
            Path output = fixture.workspace.resolve("out/integration");
            dev.storyc.testing.GitCli.git(output, "rm", "-q", "warehouse/plan.toml");
            dev.storyc.testing.GitCli.git(output, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm",
                    "plan lost");

            Storyc.Outcome run = fixture.storyc(database, "etl", "run", "--env", "integration");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.stderr()).contains("error[E0805]");
            assertThat(run.stdout()).doesNotContain("succeeded");
            assertThat(count(database, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema ="
                    + " 'storyc' AND table_name = 'etl_runs'")).as("no job ran").isZero();
        }
    }

    /**
     * A replace job whose query reads its own target (the current rows, restamped) keeps the rows:
     * it emptied the target before staging its query, read nothing, and committed an empty table
     * as a success (round 14).
     */
    @Test
    void aReplaceJobThatReadsItsOwnTargetKeepsItsRows() throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database database = server.createDatabase("live_self_replace")) {
            LiveWarehouseFixture fixture = LiveWarehouseFixture.compiled(folder, database);
            fixture.deploy(database);
            fixture.seed(database);
            Storyc.Outcome load = fixture.storyc(database, "etl", "run", "--env", "integration",
                    "patients/load_patients");
            assertThat(load.exitCode()).as(load.toString()).isZero();
            Path etl = fixture.workspace.resolve("stories/patients/etl");
            dev.storyc.testing.Checkout.write(etl.resolve("restamp_patients.job.toml"), """
                    target = "<% env.warehouse.schema %>.patients"
                    schedule = "0 4 * * *"
                    sql = "restamp_patients.sql"
                    source = "analytics.patients"
                    mode = "replace"
                    description = "Restamps every patient row from the table itself."
                    """);
            dev.storyc.testing.Checkout.write(etl.resolve("restamp_patients.sql"), """
                    SELECT patient_id, mrn, first_name, last_name, birth_date, sex, state, zip3,
                        pcp_provider_id, is_deceased, loaded_at, 'restamp_patients' AS etl_job
                    FROM <% env.warehouse.schema %>.patients
                    """);
            Storyc.Outcome compiled = fixture.storyc(database, "compile", "--env", "integration");
            assertThat(compiled.exitCode()).as(compiled.toString()).isZero();

            Storyc.Outcome run = fixture.storyc(database, "etl", "run", "--env", "integration",
                    "patients/restamp_patients");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.stdout()).contains("succeeded patients/restamp_patients").contains("8 rows");
            assertThat(count(database, "SELECT COUNT(*) FROM analytics.patients WHERE etl_job ="
                    + " 'restamp_patients'")).isEqualTo(8);
            assertThat(count(database, "SELECT COUNT(*) FROM analytics.patients")).isEqualTo(8);
        }
    }

    static long count(PostgresServer.Database database, String sql) throws Exception {
        try (Connection connection = database.connect();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
