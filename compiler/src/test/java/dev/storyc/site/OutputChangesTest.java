package dev.storyc.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** How output changes are grouped: each output path to its story and layer, then in order. */
class OutputChangesTest {
    @ParameterizedTest
    @CsvSource({
        "views/patients/patients.view.lkml, patients, LOOKML",
        "explores/claims/claims.explore.lkml, claims, LOOKML",
        "dashboards/care-gaps/care_gap_closure.dashboard.lookml, care-gaps, DASHBOARDS",
        "etl/patients/load_patients.job.toml, patients, ETL",
        "etl/patients/load_patients.sql, patients, ETL",
        "tests/claims/no_negative_paid.sql, claims, ETL",
        "warehouse/claims/add-status/deploy.sql, claims, WAREHOUSE",
        "warehouse/01-patients/deploy.sql, patients, WAREHOUSE",
        "warehouse/012-s00011/revert.sql, s00011, WAREHOUSE",
        "warehouse/pending-reverts/research-extract/revert.sql, research-extract, WAREHOUSE",
    })
    void placesAStoryFile(String path, String story, Layer layer) {
        assertThat(OutputChanges.Place.of(path)).contains(new OutputChanges.Place(story, layer));
    }

    @ParameterizedTest
    @CsvSource({
        "storyc.lock",
        "warehouse/plan.toml",
        "warehouse.model.lkml",
        "manifest.lkml",
        "README.md"
    })
    void leavesTheEnvironmentsOwnFilesWithoutAStory(String path) {
        assertThat(OutputChanges.Place.of(path)).isEmpty();
    }

    @Test
    void groupsByStoryThenLayerInApplyOrderWithTheEnvironmentsFilesLast() {
        Map<String, String> before =
                new TreeMap<>(
                        Map.of(
                                "storyc.lock", "a\n",
                                "views/b/b.view.lkml", "view: b {}\n",
                                "etl/b/load.sql", "select 1;\n",
                                "views/a/a.view.lkml", "view: a {}\n",
                                "warehouse/01-a/deploy.sql", "create table a();\n"));
        Map<String, String> after =
                new TreeMap<>(
                        Map.of(
                                "storyc.lock", "b\n",
                                "views/b/b.view.lkml", "view: b { }\n",
                                "etl/b/load.sql", "select 1;\n",
                                "dashboards/b/b.dashboard.lookml", "- dashboard: b\n",
                                "warehouse/01-a/deploy.sql", "create table a();\n"));
        OutputChanges changes = OutputChanges.between(before, after);
        assertThat(changes.groups())
                .extracting(
                        g ->
                                g.story().orElse("-")
                                        + " "
                                        + g.layer().map(Enum::name).orElse("-")
                                        + " "
                                        + g.files().stream()
                                                .map(f -> f.kind() + ":" + f.path())
                                                .toList())
                .containsExactly(
                        "a LOOKML [DELETED:views/a/a.view.lkml]",
                        "b LOOKML [MODIFIED:views/b/b.view.lkml]",
                        "b DASHBOARDS [ADDED:dashboards/b/b.dashboard.lookml]",
                        "- - [MODIFIED:storyc.lock]");
        assertThat(changes.stories()).containsExactly("a", "b");
        OutputChanges.FileChange deleted = changes.files().get(0);
        assertThat(deleted.before()).contains("view: a {}\n");
        assertThat(deleted.after()).isEqualTo(Optional.empty());
        assertThat(OutputChanges.between(before, before).isEmpty()).isTrue();
        assertThat(changes.counts().values()).containsExactly(1, 2, 1);
        assertThat(List.copyOf(changes.counts().keySet()))
                .containsExactly(OutputChanges.Kind.values());
    }
}
