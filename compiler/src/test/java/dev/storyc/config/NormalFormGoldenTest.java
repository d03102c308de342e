package dev.storyc.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Result;
import dev.storyc.testing.Checkout;
import dev.storyc.testing.Golden;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the normal form of every example environment, and the hash of each. A hash is an
 * environment's identity in lock files and commit trailers, so it must not depend on the machine,
 * the run, or the values of secrets. {@code STORYC_UPDATE_GOLDEN=1} rewrites the files.
 */
class NormalFormGoldenTest {
    static final Path FOLDER = Golden.folder().resolve("normal-forms");
    static final Workspace WORKSPACE = WorkspaceLoader.load(Checkout.root(), StdlibLoader.load()).get();
    static final Environments ENVIRONMENTS = EnvironmentResolver.resolve(WORKSPACE, ConfigFixtures.PROCESS).get();

    static Stream<String> environments() {
        return ENVIRONMENTS.names().stream();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void normalFormMatchesGolden(String name) {
        Environment environment = ENVIRONMENTS.find(name).orElseThrow();
        Golden.assertMatches(FOLDER.resolve(name + ".toml"), environment.normalForm());
        assertThat(environment.normalForm()).doesNotContain(ConfigFixtures.CANARY);
    }

    @Test
    void hashesMatchGolden() {
        String hashes = ENVIRONMENTS.all().stream().map(e -> e.name() + " " + e.hash() + "\n")
                .collect(Collectors.joining());
        Golden.assertMatches(FOLDER.resolve("hashes.txt"), hashes);
    }

    @Test
    void hashesDoNotDependOnSecretsOrTheMachine() {
        ProcessValues other = ProcessValues.of(
                Map.of("STORYC_TEST_WAREHOUSE_PASSWORD", "something else", "HOME", "/elsewhere"),
                Map.of("user.name", "someone", "os.name", "Plan 9"));
        Result<Environments> again = EnvironmentResolver.resolve(WORKSPACE, other);
        assertThat(again.ok()).as("%s", again.diagnostics()).isTrue();
        for (Environment environment : ENVIRONMENTS.all()) {
            assertThat(again.get().find(environment.name()).orElseThrow().hash()).isEqualTo(environment.hash());
        }
    }

    @Test
    void theExampleUsesEveryConstructTheIssueAsksFor() {
        String text = WORKSPACE.environments().orElseThrow().text();
        assertThat(text).contains("extends = [").contains("${environments.production.")
                .contains("[templates.developer]").contains("[developers]").contains("${env:")
                .contains("[types.variables");
    }

    @Test
    void noGoldenFileIsOrphaned() throws Exception {
        List<String> expected = Stream.concat(ENVIRONMENTS.names().stream().map(n -> n + ".toml"),
                Stream.of("hashes.txt")).sorted().toList();
        if (!Golden.updating()) {
            assertThat(Golden.namesIn(FOLDER)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theCheckedInSchemaIsCurrent() {
        Golden.assertMatches(Checkout.root().resolve("docs/environments.schema.json"),
                JsonSchema.of(StdlibLoader.load().environmentType()));
    }
}
