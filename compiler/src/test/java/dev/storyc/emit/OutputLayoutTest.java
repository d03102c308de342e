package dev.storyc.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.SourceFile;
import dev.storyc.workspace.ArtifactKind;
import dev.storyc.workspace.StoryFile;
import dev.storyc.workspace.StoryId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where each kind of story file lands, and how warehouse folders number. */
class OutputLayoutTest {
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
        "VIEW,          views/sub/p.view.lkml,          views/patients/p.view.lkml",
        "EXPLORE,       explores/p.explore.lkml,        explores/patients/p.explore.lkml",
        "DASHBOARD,     dashboards/d.dashboard.lookml,  dashboards/patients/d.dashboard.lookml",
        "SCHEMA_DEPLOY, schema/deploy.sql,              warehouse/03-patients/deploy.sql",
        "SCHEMA_REVERT, schema/revert.sql,              warehouse/03-patients/revert.sql",
        "ETL_JOB,       etl/load.job.toml,              etl/patients/load.job.toml",
    })
    void storyFilesLandInTheirStorysFolder(ArtifactKind kind, String relative, String expected) {
        StoryFile file = new StoryFile(new SourceFile("stories/patients/" + relative, ""), kind,
                relative);

        assertThat(OutputLayout.pathOf(new StoryId("patients"), file, "warehouse/03-patients"))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource({"1, 9, warehouse/01-s", "12, 99, warehouse/12-s", "7, 100, warehouse/007-s",
        "1000, 1000, warehouse/1000-s"})
    void warehouseFoldersArePaddedSoTheySortInApplyOrder(int order, int total, String expected) {
        assertThat(OutputLayout.warehouseFolder(order, total, new StoryId("s")))
                .isEqualTo(expected);
        assertThat(OutputLayout.modelPath("warehouse")).isEqualTo("warehouse.model.lkml");
    }
}
