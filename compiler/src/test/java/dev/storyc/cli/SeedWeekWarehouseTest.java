package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static dev.storyc.testing.WarehouseWorkspace.rows;
import static dev.storyc.testing.WarehouseWorkspace.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The seed team's week with real databases: integration, acceptance and production are three
 * databases on one PostgreSQL server. Each is applied from its own output repository; care-gaps is
 * backed out of acceptance by deleting its line, and its table leaves acceptance while the other
 * stories' rows stay; production does not move until the release is promoted to it.
 */
class SeedWeekWarehouseTest {
    private static final Map<String, String> ENV =
            Map.of(
                    "STORYC_TEST_WAREHOUSE_PASSWORD", PostgresServer.PASSWORD,
                    "STORYC_PROD_WAREHOUSE_PASSWORD", PostgresServer.PASSWORD,
                    "STORYC_ACTOR", "release-bot");

    @TempDir Path workspace;

    @Test
    void aWeekOfReleasesOnThreeDatabases() {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database integration = server.createDatabase("analytics_int");
                PostgresServer.Database acceptance = server.createDatabase("analytics_acc1");
                PostgresServer.Database production = server.createDatabase("analytics_prod")) {
            Checkout.copyExampleWorkspace(workspace);
            Path environments = workspace.resolve("environments.toml");
            Checkout.write(
                    environments,
                    Checkout.read(environments)
                            .replace("engine = \"redshift\"", "engine = \"postgres\"")
                            .replace("port = 5439", "port = " + server.port())
                            .replace("user = \"looker\"", "user = \"" + PostgresServer.USER + "\"")
                            .replace("\"warehouse-test.acme-health.internal\"", "\"127.0.0.1\"")
                            // Another name for the same server: isolation forbids sharing production's host.
                    .replace("\"warehouse-prod.acme-health.internal\"", "\"localhost\"")
                            .replace("\"analytics_prod\"", "\"" + production.name() + "\"")
                            .replace("\"analytics_acc1\"", "\"" + acceptance.name() + "\"")
                            .replace("\"analytics_int\"", "\"" + integration.name() + "\""));
            commit("cobbr2", "Point the warehouses at the test server");
            ok("release", "seal", "2026-W48");
            commit("cobbr2", "Seal 2026-W48 for acceptance");

            // 1. Every environment is compiled and applied from its own output repository.
            ok("compile", "--env", "integration", "--env", "acceptance-1", "--env", "production");
            for (String environment : List.of("integration", "acceptance-1", "production")) {
                ok("warehouse", "apply", "--env", environment);
            }
            List<String> w47 = List.of("appointments", "claims", "encounters", "patients");
            assertThat(tables(production, "analytics")).containsExactlyElementsOf(w47);
            assertThat(tables(acceptance, "analytics"))
                    .containsExactly(
                            "appointments",
                            "care_gaps",
                            "claims",
                            "encounters",
                            "patients",
                            "research_cohort",
                            "research_cohort_cells");
            assertThat(tables(integration, "analytics"))
                    .contains("pharmacy_fills", "medication_pdc", "care_gaps");
            acceptance.execute(
                    "INSERT INTO analytics.patients (patient_id, mrn, birth_date, sex, is_deceased,"
                        + " loaded_at, etl_job) VALUES ('p1', 'm1', DATE '1970-01-01', 'F', FALSE,"
                        + " now(), 'test')");
            List<String> productionLog =
                    rows(production, "SELECT * FROM storyc.events ORDER BY sequence");

            // 2. care-gaps fails acceptance: deleting its line backs it out of the database too.
            Path w48 = workspace.resolve("releases/2026-W48.toml");
            Checkout.write(
                    w48,
                    Checkout.read(w48)
                            .replace("  \"care-gaps\",\n", "")
                            .replaceAll("care-gaps = \"[0-9a-f]{40}\"\n", ""));
            commit("cobbr2", "Back care-gaps out of 2026-W48: failed acceptance");
            ok("compile", "--env", "acceptance-1");
            assertThat(ok("warehouse", "plan", "--env", "acceptance-1").stdout())
                    .contains("revert         care-gaps/base")
                    .contains("backed out")
                    .contains("1 to revert, 0 to deploy");
            assertThat(ok("warehouse", "apply", "--env", "acceptance-1").stdout())
                    .contains("reverted       care-gaps/base");
            assertThat(tables(acceptance, "analytics"))
                    .doesNotContain("care_gaps")
                    .contains("patients");
            assertThat(rows(acceptance, "SELECT patient_id FROM analytics.patients"))
                    .containsExactly("p1");
            assertThat(ok("warehouse", "status", "--env", "acceptance-1").stdout())
                    .contains("5 deployed, 0 pending, 0 edited, 0 pending revert, 0 drift");
            assertThat(ok("warehouse", "apply", "--env", "acceptance-1").stdout())
                    .contains("nothing to do");

            // 3. Production has not moved; promoting W48 deploys exactly what acceptance ran.
            assertThat(rows(production, "SELECT * FROM storyc.events ORDER BY sequence"))
                    .isEqualTo(productionLog);
            ok("release", "promote", "2026-W48", "--to", "production");
            commit("cobbr2", "Production runs 2026-W48");
            ok("compile", "--env", "production");
            assertThat(ok("warehouse", "apply", "--env", "production").stdout())
                    .contains("deployed       research-extract/base")
                    .doesNotContain("care-gaps");
            assertThat(tables(production, "analytics")).isEqualTo(tables(acceptance, "analytics"));
            assertThat(
                            rows(
                                    production,
                                    "SELECT story, change, deploy_hash FROM storyc.changes ORDER BY"
                                        + " story"))
                    .isEqualTo(
                            rows(
                                    acceptance,
                                    "SELECT story, change, deploy_hash FROM storyc.changes"
                                            + " ORDER BY story"));
            assertThat(rows(production, "SELECT DISTINCT deployed_by FROM storyc.changes"))
                    .containsExactly("release-bot");
            for (String environment : List.of("integration", "acceptance-1", "production")) {
                assertThat(ok("warehouse", "apply", "--env", environment).stdout())
                        .contains("nothing to do");
            }
        }
    }

    private Storyc.Outcome ok(String... args) {
        Storyc.Outcome outcome = Storyc.run(workspace, ENV, args);
        assertThat(outcome.exitCode()).as(String.join(" ", args) + "\n" + outcome).isZero();
        return outcome;
    }

    private void commit(String author, String message) {
        git(workspace, "add", "-A");
        git(
                workspace,
                "-c",
                "user.name=" + author,
                "-c",
                "user.email=" + author + "@example.com",
                "commit",
                "-q",
                "-m",
                message);
    }
}
