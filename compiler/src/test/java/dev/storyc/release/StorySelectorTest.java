package dev.storyc.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentResolver;
import dev.storyc.config.ProcessValues;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.testing.Checkout;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Which stories an environment gets, in requires order, and the errors of a bad release. */
class StorySelectorTest {
    static final Workspace MINIMAL =
            WorkspaceLoader.load(
                            Checkout.root().resolve("compiler/src/test/resources/cases/minimal"),
                            StdlibLoader.load())
                    .get();

    /** Returns the minimal workspace with release r1's manifest replaced. */
    static Workspace withRelease(String manifest) {
        TreeMap<String, SourceFile> releases = new TreeMap<>(MINIMAL.releases());
        releases.put("r1", new SourceFile("releases/r1.toml", manifest));
        return new Workspace(
                MINIMAL.environments(),
                MINIMAL.stories(),
                releases,
                MINIMAL.partials(),
                MINIMAL.settings(),
                MINIMAL.stdlib(),
                MINIMAL.environmentImports(),
                MINIMAL.rejected());
    }

    static Environment environment(Workspace workspace, String name) {
        return EnvironmentResolver.evaluate(workspace, ProcessValues.ofEnvironment(Map.of()))
                .get()
                .environments()
                .all()
                .stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static String describe(Diagnostic d) {
        return d.code().id() + " " + d.position() + " " + d.message() + " / " + d.hint().orElse("");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "an unknown story          | r2         | stories = [\"nope\"]                    | E0303 releases/r2.toml:1:12",
            "a syntax error            | r2         | stories = [                             | E0301 releases/r2.toml:1:12",
            "a name no one can run     | r2 hotfix  | stories = []                            | E0316 releases/r2 hotfix.toml",
            "the reserved name         | all        | stories = []                            | E0316 releases/all.toml",
            "a pin without its story   | r2         | stories = []\\n[pins]\\nx = \"0000000000000000000000000000000000000000\" | E0314 releases/r2.toml:3:1"})
    void aReleaseNoEnvironmentRunsIsCheckedAsOneWouldBe(String title, String name, String text, String expected) {
        java.util.List<Diagnostic> found = StorySelector.checkUnrun(name,
                new SourceFile("releases/" + name + ".toml", text.replace("\\n", "\n")), MINIMAL);
        assertThat(found).extracting(d -> d.code().id() + " " + d.position()).containsExactly(expected);
    }

    @Test
    void aStoryMainDeletedIsMetByItsPinInASealedReleaseNoOneRuns() {
        // Round 22: `gone` was deleted from main after production ran r2; once production moved
        // on, the old release failed every check with E0303 until someone edited sealed history.
        String pin = "0123456789012345678901234567890123456789";
        String sealed = "stories = [\"gone\", \"base\", \"extra\"]\n[pins]\ngone = \"" + pin + "\"\nbase = \"" + pin
                + "\"\nextra = \"" + pin + "\"\n";
        assertThat(StorySelector.checkUnrun("r2", new SourceFile("releases/r2.toml", sealed), MINIMAL)).isEmpty();
        // Unpinned, the same line is still an error: the release would take main's, which has none.
        String unsealed = "stories = [\"gone\", \"base\"]\n";
        assertThat(StorySelector.checkUnrun("r2", new SourceFile("releases/r2.toml", unsealed), MINIMAL))
                .extracting(d -> d.code().id() + " " + d.position()).containsExactly("E0303 releases/r2.toml:1:12");
    }

    @Test
    void aWellFormedDraftHasNoProblems() {
        assertThat(StorySelector.checkUnrun("r2", new SourceFile("releases/r2.toml", "stories = []\n"), MINIMAL))
                .isEmpty();
    }

    @Test
    void aStoryComesAfterTheStoriesItRequiresWhateverTheReleaseOrder() {
        Workspace workspace = withRelease("stories = [\"extra\", \"base\"]\n");

        Result<Selection> selection =
                StorySelector.select(environment(workspace, "prod"), workspace);

        assertThat(selection.diagnostics()).isEmpty();
        assertThat(selection.get().releaseName()).isEqualTo("r1");
        assertThat(selection.get().release().orElseThrow().isSealed()).isFalse();
        assertThat(selection.get().stories())
                .extracting(s -> s.id().value())
                .containsExactly("base", "extra");
    }

    @Test
    void allTakesEveryStoryWithoutAManifest() {
        Result<Selection> selection = StorySelector.select(environment(MINIMAL, "dev"), MINIMAL);

        assertThat(selection.get().releaseName()).isEqualTo("all");
        assertThat(selection.get().release()).isEqualTo(Optional.empty());
        assertThat(selection.get().stories())
                .extracting(s -> s.id().value())
                .containsExactly("base", "extra");
    }

    @Test
    void aListedStoryWithoutAFolderIsAnErrorAtItsLineWithASpellingHint() {
        Workspace workspace = withRelease("stories = [\n  \"base\",\n  \"extar\",\n]\n");

        Result<Selection> selection =
                StorySelector.select(environment(workspace, "prod"), workspace);

        assertThat(selection.ok()).isFalse();
        assertThat(selection.diagnostics())
                .extracting(StorySelectorTest::describe)
                .containsExactly(
                        "E0303 releases/r1.toml:3:3 release `r1` lists `extar`,"
                                + " which has no folder under stories/"
                                + " / did you mean `extra`?");
    }

    @Test
    void aMissingManifestIsAnErrorWhereTheEnvironmentNamesIt() {
        TreeMap<String, SourceFile> releases =
                new TreeMap<>(Map.of("r2", MINIMAL.releases().get("r1")));
        Workspace workspace =
                new Workspace(
                        MINIMAL.environments(),
                        MINIMAL.stories(),
                        releases,
                        MINIMAL.partials(),
                        MINIMAL.settings(),
                        MINIMAL.stdlib(),
                        MINIMAL.environmentImports(),
                        MINIMAL.rejected());
        Environment prod = environment(workspace, "prod");

        Result<Selection> selection = StorySelector.select(prod, workspace);

        assertThat(selection.diagnostics())
                .extracting(StorySelectorTest::describe)
                .containsExactly(
                        "E0302 "
                                + prod.releaseAt()
                                + " environment `prod` uses release `r1`,"
                                + " which has no releases/r1.toml"
                                + " / did you mean `r2`?");
        // At the `release` line, not the environment's header (round 18).
        assertThat(prod.releaseAt().line()).isGreaterThan(prod.definedAt().line());
    }
}
