package dev.storyc.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentResolver;
import dev.storyc.config.Environments;
import dev.storyc.config.ProcessValues;
import dev.storyc.diag.Diagnostic;
import dev.storyc.testing.Checkout;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random edit sequences on the example workspace that make its environments differ in what the
 * checks read of an environment itself (a Looker constant one defines, model files rendered with
 * its values, unused declarations where every story is included) and break or mend a story. After
 * each edit, one compiler compiles every environment in turn, as {@code compile --all} does, and
 * each environment's diagnostics must be exactly those of a fresh compiler given that environment
 * alone: what a compile remembers from one environment for the next (parses, the verdict shared by
 * environments that render alike) must never change what the next one is told.
 */
class CheckedAlonePropertiesTest {
    private static final Map<String, String> PROCESS = Map.of(
            "STORYC_PROD_WAREHOUSE_PASSWORD", "Zq9-prod-never-in-any-output",
            "STORYC_TEST_WAREHOUSE_PASSWORD", "Zq9-test-never-in-any-output");
    private static final String ENVIRONMENTS = "environments.toml";
    private static final String VIEW = "stories/patients/views/patients.view.lkml";
    private static final String GRANTED_EXPLORE = "stories/medication-adherence/explores/medication_pdc.explore.lkml";
    static Path scratch;
    static Path template;
    static int comparedEnvironments;

    /** One edit; applying it twice undoes it, so sequences come and go between states. */
    enum Edit {
        CONSTANT_IN_INTEGRATION(ENVIRONMENTS, "\n[environments.integration.looker.constants]\nregion = \"eu\"\n"),
        CONSTANT_IN_ACCEPTANCE(ENVIRONMENTS, "\n[environments.acceptance-1.looker.constants]\nregion = \"eu\"\n"),
        USE_CONSTANT(VIEW, "    primary_key: yes\n", "    primary_key: yes\n    label: \"@{region}\"\n"),
        UNUSED_GRANT("model/unused.lkml",
                "access_grant: unused {\n  user_attribute: unused\n  allowed_values: [\"yes\"]\n}\n"),
        GRANT_PER_DATABASE("model/per_database.lkml",
                "access_grant: <% env.warehouse.database %>_only {\n  user_attribute: db\n"
                        + "  allowed_values: [\"yes\"]\n}\n"),
        USE_INTEGRATION_GRANT(GRANTED_EXPLORE, "required_access_grants: [beta_explores]",
                "required_access_grants: [beta_explores, analytics_int_only]"),
        BREAK_VIEW(VIEW, "sql: ${TABLE}.patient_id ;;", "sql: ${TABLE}.patient_id ;; }"),
        NOTHING("", "");

        private final String path;
        private final String from;
        private final String to;

        /** Appends {@code text} to the file, or creates it; the second time, takes it away. */
        Edit(String path, String text) {
            this(path, null, text);
        }

        /** Replaces {@code from} with {@code to}; the second time, back again. */
        Edit(String path, String from, String to) {
            this.path = path;
            this.from = from;
            this.to = to;
        }

        void apply(Path workspace) {
            if (path.isEmpty()) {
                return;
            }
            Path file = workspace.resolve(path);
            String text = Files.exists(file) ? Checkout.read(file) : "";
            if (from == null) {
                Checkout.write(file, text.contains(to) ? text.replace(to, "") : text + to);
                return;
            }
            assertThat(text.contains(from) || text.contains(to)).as(path + " holds " + from).isTrue();
            Checkout.write(file, text.contains(to) ? text.replace(to, from) : text.replace(from, to));
        }
    }

    @BeforeContainer
    static void makeTemplate() throws IOException {
        scratch = Files.createTempDirectory("storyc-checked-alone");
        template = Checkout.copyExampleWorkspace(scratch.resolve("template"));
        // The one story text that names its environment, salting pseudonyms per environment, is
        // salted alike here, so that environments of one release render alike and share a verdict.
        Path salted = template.resolve("stories/research-extract/etl/build_research_cohort.sql");
        String text = Checkout.read(salted);
        assertThat(text).contains("<% env.name %>");
        Checkout.write(salted, text.replace("<% env.name %>", "cohort"));
    }

    @AfterContainer
    static void removeScratch() throws IOException {
        Checkout.deleteTree(scratch);
        assertThat(comparedEnvironments).isGreaterThan(0);
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Arbitraries.of(Edit.class).list().ofMinSize(2).ofMaxSize(5);
    }

    @Property(tries = 10, seed = "20261201")
    void everyEnvironmentIsToldWhatItIsToldAlone(@ForAll("edits") List<Edit> edits) throws IOException {
        Path workspace = Files.createTempDirectory(scratch, "try").resolve("workspace");
        Checkout.copy(template, workspace);
        for (Edit edit : edits) {
            edit.apply(workspace);
            Workspace loaded = WorkspaceLoader.load(workspace, StdlibLoader.load()).get();
            Environments environments = EnvironmentResolver
                    .evaluate(loaded, ProcessValues.ofEnvironment(PROCESS)).get().environments();

            EnvironmentCompiler together = compiler(loaded, environments);
            Map<String, List<Diagnostic>> inTurn = new LinkedHashMap<>();
            for (Environment environment : environments.all()) {
                inTurn.put(environment.name(), together.compile(environment).diagnostics());
            }
            for (Environment environment : environments.all()) {
                List<Diagnostic> alone = compiler(loaded, environments).compile(environment).diagnostics();
                assertThat(inTurn.get(environment.name()))
                        .as(edits + " at " + edit + ": " + environment.name())
                        .isEqualTo(alone);
                comparedEnvironments++;
            }
        }
    }

    private static EnvironmentCompiler compiler(Workspace workspace, Environments environments) {
        return new EnvironmentCompiler(workspace, EnvironmentCompilerTest.IDS, "1.2.3", environments,
                name -> Optional.ofNullable(PROCESS.get(name)));
    }
}
