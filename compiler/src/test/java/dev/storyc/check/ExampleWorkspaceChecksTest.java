package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.Storyc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks on the example workspace: it passes in every environment; a production name in a story
 * fails isolation at the template line; backing a story out that others use names every broken
 * reference and the story that provided it; and an environment with errors leaves every output
 * repository as it was.
 */
class ExampleWorkspaceChecksTest {
    /** The secrets environments.toml reads, set as CI would, so the secret check has values to look for. */
    static final Map<String, String> SECRETS = Map.of(
            "STORYC_TEST_WAREHOUSE_PASSWORD", "test-cluster-pw-4821",
            "STORYC_PROD_WAREHOUSE_PASSWORD", "prod-cluster-pw-9377");
    static final String PATIENTS_VIEW = "stories/patients/views/patients.view.lkml";
    static final String LEAK = "  dimension: days_since_reconciled {\n"
            + "    type: number\n"
            + "    sql: DATEDIFF(day, (SELECT MAX(loaded_at) FROM analytics_live.patients), GETDATE()) ;;\n"
            + "  }\n";

    @Test
    void theExampleWorkspacePassesEveryCheckInEveryEnvironment() {
        Storyc.Outcome outcome = Storyc.run(Checkout.root(), SECRETS, "check", "--all");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stderr()).as(outcome.toString()).isEmpty();
        assertThat(outcome.stdout()).contains("ok  production").contains("ok  dev-alice").contains("ok  acceptance-2");
    }

    @Test
    void aProductionSchemaInADevelopmentStoryFailsIsolationAtItsTemplateLine(@TempDir Path temp) {
        Path workspace = withProductionSchemaLeak(temp);
        List<String> lines = Checkout.read(workspace.resolve(PATIENTS_VIEW)).lines().toList();
        int line = lines.indexOf(LEAK.lines().toList().get(2)) + 1;
        int column = lines.get(line - 1).indexOf("analytics_live") + 1;
        assertThat(lines.subList(0, line)).as("a partial above the leak shifts the rendered lines")
                .anyMatch(l -> l.contains("<%> lkml/audit_timestamps %>"));

        Storyc.Outcome outcome = Storyc.run(workspace, SECRETS, "check", "--env", "dev-alice");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr()).as(outcome.toString())
                .contains("error[E0613]: this file names `analytics_live`, the warehouse schema of environments"
                        + " `acceptance-2`, `production`, but is compiled for environment `dev-alice`")
                .contains("--> " + PATIENTS_VIEW + ":" + line + ":" + column + "\n")
                .contains("= help: write `<% env.warehouse.schema %>`")
                .contains("1 error, 0 warnings");
    }

    @Test
    void backingOutAStoryNamesEachBrokenReferenceAndTheStoryThatProvidedIt(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        // Claims forgot to declare that it needs encounters, so the release accepts the back-out.
        // The release is unsealed here so that the edited working tree is what compiles.
        Path w47 = workspace.resolve("releases/2026-W47.toml");
        Checkout.write(w47, dev.storyc.release.ManifestEditor.of(Checkout.read(w47)).unsealed());
        Checkout.write(workspace.resolve("environments.toml"), Checkout.read(workspace.resolve("environments.toml"))
                .replace("protected = true", "protected = false"));
        edit(w47, "  \"encounters\",\n", "");
        edit(workspace.resolve("stories/claims/story.toml"), "requires = [\"patients\", \"encounters\"]",
                "requires = [\"patients\"]");

        Storyc.Outcome outcome = Storyc.run(workspace, SECRETS, "check", "--env", "production");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        String hint = "= help: view `encounters` is defined by story `encounters`, which release `2026-W47` does not"
                + " include";
        String related = "= note: `encounters` is defined here, in story `encounters` at"
                + " stories/encounters/views/encounters.view.lkml:";
        List<String> blocks = List.of(outcome.stderr().split("\n\n"));
        assertThat(blocks).filteredOn(b -> b.startsWith("error[")).satisfiesExactlyInAnyOrder(
                join -> assertThat(join)
                        .startsWith("error[E0601]: explore `claims` joins `encounters`")
                        .contains("--> stories/claims/explores/claims.explore.lkml:5:9")
                        .contains(hint).contains(related),
                dashboard -> assertThat(dashboard)
                        .startsWith("error[E0605]: element `paid_by_encounter_type` of dashboard"
                                + " `claims_revenue_cycle` uses `encounters.encounter_type`")
                        .contains("--> stories/claims/dashboards/claims_revenue_cycle.dashboard.lookml:66:14")
                        .contains(hint).contains(related));
    }

    @Test
    void anEnvironmentWithErrorsLeavesEveryRepositoryAsItWas(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Path out = temp.resolve("out");
        Storyc.Outcome first = Storyc.run(workspace, SECRETS, "compile", "--all", "--out", out.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        List<String> heads = heads(out);

        withProductionSchemaLeak(temp);
        Storyc.Outcome broken = Storyc.run(workspace, SECRETS, "compile", "--all", "--out", out.toString());

        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
        assertThat(broken.stderr()).contains("error[E0613]");
        assertThat(broken.stdout()).doesNotContain("committed");
        // Production compiles cleanly on its own, but is not written while another environment fails.
        assertThat(heads(out)).isEqualTo(heads);
    }

    /** Copies the example, gives production a schema of its own, and uses it by name in a story. */
    static Path withProductionSchemaLeak(Path temp) {
        Path workspace = temp.resolve("ws");
        if (!Files.exists(workspace)) {
            Checkout.copyExampleWorkspace(workspace);
        }
        edit(workspace.resolve("environments.toml"), "warehouse.database = \"analytics_prod\"\n",
                "warehouse.database = \"analytics_prod\"\nwarehouse.schema = \"analytics_live\"\n");
        edit(workspace.resolve(PATIENTS_VIEW), "  <%> lkml/audit_timestamps %>\n\n",
                "  <%> lkml/audit_timestamps %>\n\n" + LEAK + "\n");
        return workspace;
    }

    private static List<String> heads(Path out) {
        List<String> heads = new ArrayList<>();
        for (String environment : List.of("acceptance-1", "acceptance-2", "dev-alice", "dev-bob", "dev-cobbr2",
                "integration", "production")) {
            heads.add(environment + " " + GitCli.git(out.resolve(environment), "rev-parse", "HEAD"));
        }
        return heads;
    }

    private static void edit(Path file, String from, String to) {
        String text = Checkout.read(file);
        assertThat(text).as("%s holds the text to replace", file).contains(from);
        Checkout.write(file, text.replace(from, to));
    }
}
