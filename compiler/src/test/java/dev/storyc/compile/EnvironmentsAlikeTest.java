package dev.storyc.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Diagnostic;
import dev.storyc.testing.Checkout;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Environments whose stories render alike share one verdict of the structural checks, so that
 * a dozen of them are not checked a dozen times. In each row, the minimal workspace's {@code prod}
 * and {@code dev} render every story file alike and differ only in something one check reads of
 * the environment itself. One compiler checks the clean environment first and then the other,
 * which must be told exactly what it is told when it is checked alone.
 */
class EnvironmentsAlikeTest {
    private static final Path MINIMAL = Checkout.root().resolve("compiler/src/test/resources/cases/minimal");
    private static final String ENVIRONMENTS = "environments.toml";
    private static final String BASE_VIEW = "stories/base/views/base.view.lkml";
    private static final String EXTRA_EXPLORE = "stories/extra/explores/extra.explore.lkml";
    private static final String LABELLED_VIEW = """
            view: base {
              sql_table_name: <% env.warehouse.schema %>.base ;;
              dimension: id {
                primary_key: yes
                label: "@{region}"
                sql: ${TABLE}.id ;;
              }
            }
            """;

    static Stream<Arguments> differences() {
        return Stream.of(
                // ConstantReferences reads the environment's Looker constants.
                row("a constant only prod defines", "prod", "dev", "E0623", Map.of(
                        ENVIRONMENTS, "\n[environments.prod.looker.constants]\nregion = \"eu\"\n",
                        BASE_VIEW, LABELLED_VIEW)),
                row("a constant only dev defines", "dev", "prod", "E0623", Map.of(
                        ENVIRONMENTS, "\n[environments.dev.looker.constants]\nregion = \"eu\"\n",
                        BASE_VIEW, LABELLED_VIEW)),
                // ModelLevel warns of an unused declaration only where every story is included:
                // dev takes them all, prod a release that holds them all.
                row("an access grant nothing uses", "prod", "dev", "E0635", Map.of(
                        "model/grants.lkml",
                        "access_grant: phi {\n  user_attribute: phi\n  allowed_values: [\"yes\"]\n}\n")),
                // ModelLevel reads the model files as rendered for the environment.
                row("a datagroup named after the database", "prod", "dev", "E0633", Map.of(
                        "model/datagroups.lkml",
                        "datagroup: <% env.warehouse.database %>_load {\n  sql_trigger: SELECT 1 ;;\n}\n",
                        EXTRA_EXPLORE, "explore: extra {\n  persist_with: mini_prod_load\n"
                                + "  join: base { sql_on: ${extra.base_id} = ${base.id} ;;"
                                + " relationship: many_to_one }\n}\n")));
    }

    private static Arguments row(String name, String clean, String failing, String code,
            Map<String, String> edits) {
        return Arguments.of(name, clean, failing, code, edits);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differences")
    void anEnvironmentCheckedAfterOneThatRendersAlikeIsToldWhatItIsToldAlone(String name,
            String clean, String failing, String code, Map<String, String> edits,
            @TempDir Path temp) throws IOException {
        Workspace workspace = edited(temp, edits);

        EnvironmentCompiler compiler = new EnvironmentCompiler(workspace, EnvironmentCompilerTest.IDS, "1.2.3");
        List<Diagnostic> first = compiler.compile(EnvironmentCompilerTest.environment(workspace, clean))
                .diagnostics();
        List<Diagnostic> second = compiler.compile(EnvironmentCompilerTest.environment(workspace, failing))
                .diagnostics();
        List<Diagnostic> alone = new EnvironmentCompiler(workspace, EnvironmentCompilerTest.IDS, "1.2.3")
                .compile(EnvironmentCompilerTest.environment(workspace, failing)).diagnostics();

        assertThat(first).as("the environment checked first").isEmpty();
        assertThat(alone).extracting(d -> d.code().id()).as("checked alone").contains(code);
        assertThat(second).as("checked after `" + clean + "`").isEqualTo(alone);
    }

    /** Returns the minimal workspace with each file of {@code edits} written, or appended to. */
    private static Workspace edited(Path temp, Map<String, String> edits) throws IOException {
        Path root = temp.resolve("workspace");
        Checkout.copy(MINIMAL, root);
        for (Map.Entry<String, String> edit : edits.entrySet()) {
            Path file = root.resolve(edit.getKey());
            if (edit.getKey().equals(ENVIRONMENTS)) {
                Files.writeString(file, edit.getValue(), StandardOpenOption.APPEND);
            } else {
                Checkout.write(file, edit.getValue());
            }
        }
        return WorkspaceLoader.load(root, StdlibLoader.load()).get();
    }
}
