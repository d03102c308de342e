package dev.storyc.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.compile.EnvironmentCompiler;
import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentResolver;
import dev.storyc.config.Environments;
import dev.storyc.publish.GitContentIds;
import dev.storyc.testing.Checkout;
import dev.storyc.testing.Golden;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the example workspace's whole output, environment by environment. A golden file holds every
 * file of the tree, so a review shows exactly what a change does to every repository.
 */
class ExampleGoldenTreesTest {
    static final Path FOLDER = Golden.folder().resolve("example");
    static final Workspace WORKSPACE = WorkspaceLoader.load(Checkout.root(), StdlibLoader.load()).get();
    static final Environments ENVIRONMENTS = EnvironmentResolver.resolve(
            WORKSPACE.environments().orElseThrow(), WORKSPACE.stdlib().environmentType(), name -> Optional.empty()).get();

    static Stream<String> environments() {
        return ENVIRONMENTS.names().stream();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void outputTreeMatchesGolden(String name) {
        Environment environment = ENVIRONMENTS.find(name).orElseThrow();
        var compiler = new EnvironmentCompiler(WORKSPACE, new GitContentIds(), "golden");
        var result = compiler.compile(environment);
        assertThat(result.ok()).as("%s", result.diagnostics()).isTrue();
        Golden.assertMatches(FOLDER.resolve(name + ".tree"), listing(result.get().tree()));
    }

    @Test
    void compilingTwiceGivesTheSameBytes() {
        for (Environment environment : ENVIRONMENTS.all()) {
            var once = new EnvironmentCompiler(WORKSPACE, new GitContentIds(), "golden").compile(environment).get().tree();
            var twice = new EnvironmentCompiler(WORKSPACE, new GitContentIds(), "golden").compile(environment).get().tree();
            assertThat(twice.texts()).isEqualTo(once.texts());
        }
    }

    @Test
    void noGoldenFileIsOrphaned() throws Exception {
        List<String> expected = ENVIRONMENTS.names().stream().map(n -> n + ".tree").sorted().toList();
        if (!Golden.updating()) {
            assertThat(Golden.namesIn(FOLDER)).containsExactlyElementsOf(expected);
        }
    }

    /** Returns every file of a tree, each under a header line, in path order. */
    static String listing(OutputTree tree) {
        StringBuilder out = new StringBuilder();
        for (OutputFile file : tree.all()) {
            out.append("=== ").append(file.path()).append('\n').append(file.text());
            if (!file.text().endsWith("\n")) {
                out.append("\n=== (no newline at end of file)\n");
            }
        }
        return out.toString();
    }
}
