package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.config.ProcessValues;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.OutputFile;
import dev.storyc.emit.OutputTree;
import dev.storyc.testing.Checkout;
import dev.storyc.testing.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the example workspace's whole output, environment by environment, exactly as `storyc
 * compile` builds it (sealed releases from their pinned trees). A golden file holds every file of
 * the tree, so a review shows exactly what a change does to every repository.
 */
class ExampleGoldenTreesTest {
    static final Path FOLDER = Golden.folder().resolve("example");

    static List<CompiledEnvironment> compileAll() {
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(err), false, true);
        Project project = Project.open(Checkout.root(), ProcessValues.ofEnvironment(Map.of()), console);
        return Compilation.run(project, List.copyOf(project.environments().all()), name -> java.util.Optional.empty(),
                console).environments();
    }

    static final List<CompiledEnvironment> COMPILED = compileAll();

    static Stream<CompiledEnvironment> environments() {
        return COMPILED.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void outputTreeMatchesGolden(CompiledEnvironment compiled) {
        Golden.assertMatches(FOLDER.resolve(compiled.environment().name() + ".tree"), listing(compiled.tree()));
    }

    @Test
    void compilingTwiceGivesTheSameBytes() {
        List<CompiledEnvironment> again = compileAll();
        for (int i = 0; i < COMPILED.size(); i++) {
            assertThat(again.get(i).tree().texts()).isEqualTo(COMPILED.get(i).tree().texts());
        }
    }

    @Test
    void noGoldenFileIsOrphaned() throws Exception {
        List<String> expected = COMPILED.stream().map(c -> c.environment().name() + ".tree").sorted().toList();
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
