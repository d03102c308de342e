package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code storyc phi report} over the example workspace, in each format. */
class PhiReportCommandTest {
    static final Path EXAMPLE = Checkout.root();

    @Test
    void textListsEachColumnItsTreatmentsAndItsReaders() {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, "phi", "report", "--env", "dev-alice",
                "--env", "production");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout()).contains(String.join("\n",
                "patients.mrn  identifier  (stories/patients/schema/phi.toml:6:1)",
                "  treatment: dev-alice=pseudonymize production=allow",
                "  field     patients.mrn                             "
                        + "stories/patients/views/patients.view.lkml:17:3",
                "  dashboard care_gap_closure.outreach_list           "
                        + "stories/care-gaps/dashboards/care_gap_closure.dashboard.lookml:53:34",
                "  job       patients/load_patients.sql               stories/patients/etl/load_patients.sql"))
                .contains("patients.first_name  name  (stories/patients/schema/phi.toml:7:1)\n"
                        + "  treatment: dev-alice=redact production=allow\n"
                        + "  field     patients.full_name ")
                .contains("patients.birth_date  birth_date  (stories/patients/schema/phi.toml:9:1)\n"
                        + "  treatment: dev-alice=generalize production=allow\n");
    }

    @Test
    void jsonHasOneObjectPerColumnWithItsReaders() throws Exception {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, "phi", "report", "--env", "integration",
                "--format", "json");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        JsonNode root = new ObjectMapper().readTree(outcome.stdout());
        assertThat(root.get("environments").toString()).isEqualTo("[\"integration\"]");
        List<String> columns = root.get("columns").findValuesAsText("column");
        assertThat(columns).containsExactly("birth_date", "first_name", "last_name", "mrn");
        JsonNode mrn = root.get("columns").get(3);
        assertThat(mrn.get("class").asText()).isEqualTo("identifier");
        assertThat(mrn.get("classified_at").asText())
                .isEqualTo("stories/patients/schema/phi.toml:6:1");
        assertThat(mrn.get("treatments").get("integration").asText()).isEqualTo("pseudonymize");
        assertThat(mrn.get("readers").findValuesAsText("name"))
                .contains("patients.mrn", "care_gap_closure.outreach_list",
                        "patients/load_patients.sql");
        assertThat(mrn.get("readers").get(0).get("environments").toString())
                .isEqualTo("[\"integration\"]");
    }

    @Test
    void csvHasOneLinePerColumnEnvironmentAndReader() {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, "phi", "report", "--env", "acceptance-1",
                "--format", "csv");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        List<String> lines = outcome.stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "table,column,class,classified_at,environment,treatment,reader_kind,reader,reader_at");
        assertThat(lines)
                .contains("patients,mrn,identifier,stories/patients/schema/phi.toml:6:1,acceptance-1,"
                + "pseudonymize,field,patients.mrn,stories/patients/views/patients.view.lkml:17:3");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line)
                .startsWith("patients,"));
    }

    @Test
    void anUnknownEnvironmentIsAUsageError() {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, "phi", "report", "--env", "dev-nobody");
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.stderr()).contains("dev-nobody");
    }
}
