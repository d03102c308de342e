package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Random edit sequences on the example workspace (break and mend a field reference, drop a story
 * from a release, edit stories, a dashboard and the model, leak or hide a secret value); after
 * each edit, {@code check --all} with the cache, which also recalls dashboards' parses, must print
 * exactly what it prints with {@code --no-cache}: the same diagnostics with the same codes,
 * positions, messages and order, and the same exit code. Edits that return to an earlier state
 * make the cached run reuse verdicts, which the test counts, so that it cannot pass by never
 * reusing anything.
 */
class CachedDiagnosticsPropertiesTest {
    static final String REUSED = ": its inputs match an earlier clean compile";
    static final String PASSWORD = "STORYC_TEST_WAREHOUSE_PASSWORD";
    static Path scratch;
    static Path template;
    static int reusedEnvironments;
    static int comparedRuns;

    /** A dashboard, whose parses later runs recall from the cache. */
    private static final String DASHBOARD =
            "stories/patients/dashboards/patient_overview.dashboard.lookml";

    /** One edit of the workspace or of the process environment the runs see. */
    enum Edit {
        BREAK_JOIN,
        MEND_JOIN,
        TOGGLE_STORY_COMMENT,
        TOGGLE_MODEL_COMMENT,
        DROP_CLAIMS_FROM_W48,
        RESTORE_W48,
        LEAK_SECRET,
        HIDE_SECRET,
        BREAK_DASHBOARD_FIELD,
        BREAK_DASHBOARD_YAML,
        TOGGLE_DASHBOARD_COMMENT,
        MEND_DASHBOARD,
        NOTHING;

        void apply(Path workspace, Map<String, String> variables) {
            switch (this) {
                case BREAK_JOIN ->
                        replace(
                                workspace,
                                "stories/encounters/explores/encounters.explore.lkml",
                                "${patients.patient_id}",
                                "${patients.patient_key}");
                case MEND_JOIN ->
                        restore(workspace, "stories/encounters/explores/encounters.explore.lkml");
                case TOGGLE_STORY_COMMENT ->
                        toggle(workspace, "stories/claims/story.toml", "# a note\n");
                case TOGGLE_MODEL_COMMENT ->
                        toggle(workspace, "model/warehouse.lkml", "# a note\n");
                case DROP_CLAIMS_FROM_W48 ->
                        replace(workspace, "releases/2026-W48.toml", "  \"claims\",\n", "");
                case RESTORE_W48 -> restore(workspace, "releases/2026-W48.toml");
                case LEAK_SECRET -> variables.put(PASSWORD, "encounters.patient_id");
                case HIDE_SECRET -> variables.put(PASSWORD, "Zq9-never-in-any-output");
                case BREAK_DASHBOARD_FIELD ->
                        replace(workspace, DASHBOARD, "[patients.count]", "[patients.counted]");
                case BREAK_DASHBOARD_YAML ->
                        replace(workspace, DASHBOARD, "  elements:\n", "  elements: [\n");
                case TOGGLE_DASHBOARD_COMMENT -> toggle(workspace, DASHBOARD, "# a note\n");
                case MEND_DASHBOARD -> restore(workspace, DASHBOARD);
                case NOTHING -> {}
            }
        }
    }

    @BeforeContainer
    static void makeTemplate() throws IOException {
        scratch = Files.createTempDirectory("storyc-cached-diagnostics");
        template = Checkout.copyExampleWorkspace(scratch.resolve("template"));
    }

    @AfterContainer
    static void removeScratchAndRequireReuse() throws IOException {
        Checkout.deleteTree(scratch);
        assertThat(comparedRuns).isGreaterThan(0);
        assertThat(reusedEnvironments)
                .as("the cached runs reused verdicts at least sometimes")
                .isGreaterThan(0);
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Arbitraries.of(Edit.class).list().ofMinSize(2).ofMaxSize(5);
    }

    @Property(tries = 8, seed = "20261130")
    void cachedChecksReportExactlyWhatUncachedChecksReport(@ForAll("edits") List<Edit> edits)
            throws IOException {
        Path workspace = Files.createTempDirectory(scratch, "try").resolve("workspace");
        Checkout.copy(template, workspace);
        Map<String, String> variables = new HashMap<>();
        Storyc.run(workspace, variables, "check", "--all");
        for (Edit edit : edits) {
            edit.apply(workspace, variables);
            Storyc.Outcome uncached =
                    Storyc.run(workspace, variables, "-v", "check", "--all", "--no-cache");
            Storyc.Outcome cached = Storyc.run(workspace, variables, "-v", "check", "--all");

            String context = edits + " at " + edit;
            assertThat(cached.exitCode()).as(context).isEqualTo(uncached.exitCode());
            assertThat(cached.stdout()).as(context).isEqualTo(uncached.stdout());
            assertThat(withoutReuse(cached.stderr())).as(context).isEqualTo(uncached.stderr());
            assertThat(uncached.stderr()).as(context).doesNotContain(REUSED);
            assertThat(cached.stderr()).doesNotContain("internal error");
            comparedRuns++;
            reusedEnvironments +=
                    (int) cached.stderr().lines().filter(l -> l.contains(REUSED)).count();
        }
    }

    private static String withoutReuse(String stderr) {
        return stderr.lines()
                .filter(line -> !line.contains(REUSED))
                .map(line -> line + "\n")
                .collect(Collectors.joining());
    }

    private static void replace(Path workspace, String path, String from, String to) {
        Path file = workspace.resolve(path);
        String text = Checkout.read(file);
        assertThat(text.contains(from) || text.contains(to)).as(path + " holds " + from).isTrue();
        Checkout.write(file, text.replace(from, to));
    }

    private static void restore(Path workspace, String path) {
        Checkout.write(workspace.resolve(path), Checkout.read(template.resolve(path)));
    }

    private static void toggle(Path workspace, String path, String line) {
        Path file = workspace.resolve(path);
        String text = Checkout.read(file);
        Checkout.write(
                file,
                text.endsWith(line)
                        ? text.substring(0, text.length() - line.length())
                        : text + line);
    }
}
