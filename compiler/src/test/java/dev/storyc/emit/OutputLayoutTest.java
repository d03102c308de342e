package dev.storyc.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.SourceFile;
import dev.storyc.workspace.ArtifactKind;
import dev.storyc.workspace.StoryFile;
import dev.storyc.workspace.StoryId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where each kind of story file lands: in its story's folder, warehouse changes at stable paths. */
class OutputLayoutTest {
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
        "VIEW,          views/sub/p.view.lkml,          views/patients/p.view.lkml",
        "EXPLORE,       explores/p.explore.lkml,        explores/patients/p.explore.lkml",
        "DASHBOARD,     dashboards/d.dashboard.lookml,  dashboards/patients/d.dashboard.lookml",
        "SCHEMA_DEPLOY, schema/deploy.sql,              warehouse/patients/base/deploy.sql",
        "SCHEMA_REVERT, schema/revert.sql,              warehouse/patients/base/revert.sql",
        "SCHEMA_VERIFY, schema/changes/02-units/verify.sql, warehouse/patients/units/verify.sql",
        "ETL_JOB,       etl/load.job.toml,              etl/patients/load.job.toml",
    })
    void storyFilesLandInTheirStorysFolder(ArtifactKind kind, String relative, String expected) {
        StoryFile file = new StoryFile(new SourceFile("stories/patients/" + relative, ""), kind,
                relative);

        assertThat(OutputLayout.pathOf(new StoryId("patients"), file)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void theModelHasTheSameNameEverywhere() {
        assertThat(OutputLayout.modelPath("warehouse")).isEqualTo("warehouse.model.lkml");
    }
}
