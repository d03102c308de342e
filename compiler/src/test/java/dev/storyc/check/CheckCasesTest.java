package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Golden;
import dev.storyc.testing.Storyc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One golden case per check code: a small broken workspace under
 * {@code src/test/resources/cases/<name>/} (the minimal workspace with one thing wrong) and the
 * text {@code storyc check --all} prints for it, in {@code expected.txt}. Each row also states the
 * code, the template position, the related location and the hint, so a reader sees what the case
 * is about without opening the golden file.
 */
class CheckCasesTest {
    static final Path CASES = Checkout.root().resolve("compiler/src/test/resources/cases");
    /** The secret-leak case reads its password from here, as a CI job would. */
    static final Map<String, String> PROCESS_ENVIRONMENT = Map.of("MINI_PROD_PASSWORD", "s3cr3t-Pa55");
    static final String NONE = null;

    static Stream<Arguments> cases() {
        return Stream.of(
                row("unknown-view", "E0601", "stories/extra/explores/extra.explore.lkml:2:9", NONE,
                        "did you mean `base`?"),
                row("unknown-explore", "E0602", "stories/extra/explores/extra.explore.lkml:6:11", NONE,
                        "did you mean `extra`?"),
                row("dashboard-wrong-model", "E0603", "stories/extra/dashboards/extra.dashboard.lookml:6:12", NONE,
                        "write `model: <% env.model %>`"),
                row("dashboard-unknown-explore", "E0604", "stories/extra/dashboards/extra.dashboard.lookml:7:14", NONE,
                        "did you mean `extra`?"),
                row("dashboard-unknown-field", "E0605", "stories/extra/dashboards/extra.dashboard.lookml:9:14",
                        "stories/extra/views/extra.view.lkml:1:7", "did you mean `extra.base_id`?"),
                // A field a refinement adds, in a release without the refinement's story: the hint names it.
                row("dashboard-field-refined-out", "E0605", "stories/base/dashboards/base.dashboard.lookml:9:23",
                        "stories/base/views/base.view.lkml:1:7", "a refinement in story `extra` adds `is_flag`"),
                // A column another story's change dropped: the note names that story's script.
                row("column-dropped-by-other-story", "E0626", "stories/base/views/base.view.lkml:5:19",
                        "stories/extra/schema/deploy.sql", "`analytics.base` has no columns left"),
                row("dashboard-unknown-filter", "E0606", "stories/extra/dashboards/extra.dashboard.lookml:12:7",
                        "stories/extra/dashboards/extra.dashboard.lookml:1:14", "did you mean `Base`?"),
                row("unknown-table", "E0607", "stories/extra/views/extra.view.lkml:2:46", NONE,
                        "did you mean `analytics.extra`?"),
                row("defined-twice", "E0608", "stories/extra/views/extra.view.lkml:7:7",
                        "stories/base/views/base.view.lkml:1:7", "refine the first with `view: +base`"),
                row("story-declares-model", "E0609", "stories/extra/views/extra.view.lkml:1:1", NONE,
                        "storyc generates the model file"),
                row("deploy-without-revert", "E0610", "stories/extra/schema/deploy.sql", NONE,
                        "add schema/revert.sql"),
                row("etl-job-invalid", "E0611", "stories/extra/etl/load_extra.job.toml:3:1", NONE,
                        "did you mean `load_extra.sql`?"),
                row("etl-schedule-invalid", "E0612", "stories/extra/etl/load_extra.job.toml:2:1", NONE,
                        "write five fields"),
                // The view includes a partial above the leak: rendered line 10 is template line 5.
                row("isolation-leak", "E0613", "stories/extra/views/extra.view.lkml:5:21", "environments.toml:2:1",
                        "write `<% env.connection %>` or `<% env.warehouse.database %>`"),
                // Names compare ignoring case: one report for the line, at the first spelling.
                row("isolation-leak-any-case", "E0613", "stories/extra/views/extra.view.lkml:5:21",
                        "environments.toml:2:1", "write `<% env.connection %>` or `<% env.warehouse.database %>`"),
                row("secret-leak", "E0614", "stories/base/schema/deploy.sql:1:23", NONE, "rotate the secret"),
                row("external-tables-invalid", "E0615", "environments.toml:2:1", NONE,
                        "write external_tables = [\"schema.table\", \"schema.*\"]"),
                row("revert-drops-other-story", "E0638", "stories/extra/schema/revert.sql:2:22",
                        "stories/base/schema/deploy.sql:1:14", "drop only what this story's deploy.sql creates"),
                // Round 22: CASCADE silently dropped a view another released story had built.
                row("revert-cascades", "E0643", "stories/extra/schema/revert.sql:2:55", NONE,
                        "this story's own dependent objects first"),
                // Round 22: a view over another story's table let the release back that story out.
                row("deploy-builds-on-unrequired", "E0629", "stories/extra/schema/deploy.sql:3:20", NONE,
                        "add the line `requires = [\"base\"]` to stories/extra/story.toml"),
                // A typo in a value Looker fixes compiled as if it were the default.
                row("unknown-lookml-value", "E0644", "stories/extra/explores/extra.explore.lkml:2:71", NONE,
                        "did you mean `many_to_one`?"),
                row("etl-merge-without-key", "E0901", "stories/extra/etl/load_extra.job.toml:5:1", NONE,
                        "add the columns that identify a row"),
                row("etl-key-invalid", "E0902", "stories/extra/etl/load_extra.job.toml:6:1", NONE,
                        "use letters, digits and underscores"));
    }

    static Arguments row(String name, String code, String position, String related, String hint) {
        return Arguments.of(name, code, position, related, hint);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void reportsTheCodeAtTheTemplateLine(String name, String code, String position, String related, String hint,
            @TempDir Path temp) {
        Storyc.Outcome outcome = Storyc.run(copyOf(name, temp), PROCESS_ENVIRONMENT, "check", "--all");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        String stderr = outcome.stderr();
        assertThat(stderr).as(outcome.toString())
                .contains("error[" + code + "]: ")
                .contains("--> " + position + "\n")
                .contains("= help: ")
                .contains(hint);
        if (related != null) {
            assertThat(stderr).as(outcome.toString()).contains(" at " + related + "\n");
        }
        assertThat(stderr).doesNotContain(PROCESS_ENVIRONMENT.get("MINI_PROD_PASSWORD"));
        Golden.assertMatches(CASES.resolve(name).resolve("expected.txt"), stderr);
    }

    /**
     * Returns a copy of a case to check: a check writes its cache beside environments.toml, and one
     * in the source tree would outlive a change to the compiler's classes, whose identity stays the
     * same from build to build of one version.
     */
    private static Path copyOf(String name, Path temp) {
        Path workspace = temp.resolve(name);
        Checkout.copy(CASES.resolve(name), workspace);
        return workspace;
    }

    @Test
    void everyCaseFolderHasARowAndEveryCheckCodeACase() throws IOException {
        List<String> rows = cases().map(a -> (String) a.get()[0]).toList();
        try (Stream<Path> folders = Files.list(CASES)) {
            assertThat(folders.map(p -> p.getFileName().toString()).filter(n -> !n.equals("minimal")).sorted())
                    .as("case folders without a row here are never run")
                    .containsExactlyInAnyOrderElementsOf(rows);
        }
        // The offline-validation codes (E0620 on) are covered by the seeded-defect corpus instead.
        List<String> codes = new java.util.ArrayList<>(cases().map(a -> (String) a.get()[1]).toList());
        SeededDefectsTest.defects().forEach(c -> codes.add(c.code()));
        codes.add("E0627"); // a note, covered by SeededDefectsTest.aViewWhoseColumnsCannotBeKnownIsANoteAtVerbose
        assertThat(codes).containsAll(Stream.of(dev.storyc.diag.Code.values())
                .map(dev.storyc.diag.Code::id).filter(id -> id.startsWith("E06")).toList());
    }

    @Test
    void theMinimalWorkspacePassesEveryCheck(@TempDir Path temp) {
        Storyc.Outcome outcome = Storyc.run(copyOf("minimal", temp), PROCESS_ENVIRONMENT, "check", "--all");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    }
}
