package dev.storyc.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.config.Environment;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.SourceFile;
import dev.storyc.workspace.StoryId;
import dev.storyc.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a seal may not do, decided before any tree is read or anything written. */
class SealRulesTest {
    static final String BASE = "0000000000000000000000000000000000000000";
    static final String NEW = "1111111111111111111111111111111111111111";

    @Test
    void anEmptyReleaseCannotBeSealed() {
        List<Diagnostic> problems = SealRules.check(manifest("stories = []\n"), Map.of(), List.of(), false);
        assertThat(problems).extracting(StorySelectorTest::describe).containsExactly(
                "E0312 releases/r1.toml cannot seal `r1`: it lists no stories"
                        + " / add stories first: storyc release add r1 ID");
    }

    @Test
    void resealingWhatAProtectedEnvironmentRunsIsRefusedUnlessForced() {
        ReleaseManifest sealed = manifest(sealedText());
        List<Environment> running = List.of(environment(true));
        Map<StoryId, String> moved = Map.of(new StoryId("base"), NEW, new StoryId("extra"), BASE);

        List<Diagnostic> refused = SealRules.check(sealed, moved, running, false);
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).code().id()).isEqualTo("E0313");
        assertThat(refused.get(0).message()).isEqualTo("cannot seal `r1` again: protected environment"
                + " `prod` runs it, and new pins would change what it compiles without anyone promoting"
                + " anything");
        assertThat(refused.get(0).related()).extracting(r -> r.message())
                .containsExactly("`prod` runs `r1` here");

        assertThat(SealRules.check(sealed, moved, running, true)).as("--force").isEmpty();
        assertThat(SealRules.check(sealed, Map.of(new StoryId("base"), BASE, new StoryId("extra"), BASE),
                running, false)).as("the same pins again").isEmpty();
        assertThat(SealRules.check(sealed, moved, List.of(environment(false)), false))
                .as("no protected environment runs it").isEmpty();
    }

    @Test
    void changesNameEachStoryWhosePinMovesInIdOrder() {
        List<SealRules.PinChange> changes = SealRules.changes(
                Map.of(new StoryId("b"), BASE, new StoryId("a"), BASE, new StoryId("c"), BASE),
                Map.of(new StoryId("b"), NEW, new StoryId("a"), BASE, new StoryId("d"), NEW));
        assertThat(changes).extracting(SealRules.PinChange::describe).containsExactly(
                "b  000000000000 -> 111111111111",
                "c  000000000000 -> (no pin)",
                "d  (unpinned) -> 111111111111");
    }

    private static String sealedText() {
        return "stories = [\"base\", \"extra\"]\n[pins]\nbase = \"" + BASE + "\"\nextra = \"" + BASE + "\"\n";
    }

    private static ReleaseManifest manifest(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<ReleaseManifest> parsed = ReleaseParser.parse("r1", new SourceFile("releases/r1.toml", text),
                diagnostics);
        assertThat(diagnostics.all()).isEmpty();
        return parsed.orElseThrow();
    }

    private static Environment environment(boolean protectedEnvironment) {
        Workspace minimal = StorySelectorTest.MINIMAL;
        String text = minimal.environments().orElseThrow().text();
        if (protectedEnvironment) {
            text = text.replace("kind = \"production\"\n", "kind = \"production\"\nprotected = true\n");
        }
        Workspace workspace = new Workspace(Optional.of(new SourceFile("environments.toml", text)),
                minimal.stories(), minimal.releases(), minimal.partials(), minimal.settings(),
                minimal.stdlib(), minimal.environmentImports(), minimal.rejected());
        Environment prod = StorySelectorTest.environment(workspace, "prod");
        assertThat(prod.isProtected()).isEqualTo(protectedEnvironment);
        return prod;
    }
}
