package dev.storyc.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentResolver;
import dev.storyc.config.ProcessValues;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.ContentIds;
import dev.storyc.testing.Checkout;
import dev.storyc.workspace.ArtifactKind;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryFile;
import dev.storyc.workspace.StoryId;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One environment through select, render, emit and check, and where a failure stops it. */
class EnvironmentCompilerTest {
    static final Workspace MINIMAL = WorkspaceLoader.load(
            Checkout.root().resolve("compiler/src/test/resources/cases/minimal"),
            StdlibLoader.load()).get();
    static final ContentIds IDS = story -> "0".repeat(40);

    static Environment environment(Workspace workspace, String name) {
        return EnvironmentResolver.evaluate(workspace, ProcessValues.ofEnvironment(Map.of())).get()
                .environments().all().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow();
    }

    static Workspace withReleaseText(String text) {
        TreeMap<String, SourceFile> releases = new TreeMap<>(MINIMAL.releases());
        releases.put("r1", new SourceFile("releases/r1.toml", text));
        return new Workspace(MINIMAL.environments(), MINIMAL.stories(), releases,
                MINIMAL.partials(), MINIMAL.settings(), MINIMAL.stdlib(),
                MINIMAL.environmentImports(), MINIMAL.rejected());
    }

    @Test
    void aCleanEnvironmentCompilesToItsTreeWithItsSelection() {
        EnvironmentCompiler compiler = new EnvironmentCompiler(MINIMAL, IDS, "1.2.3");

        Result<CompiledEnvironment> compiled = compiler.compile(environment(MINIMAL, "prod"));

        assertThat(compiled.diagnostics()).isEmpty();
        assertThat(compiled.get().selection().releaseName()).isEqualTo("r1");
        assertThat(compiled.get().lock().compilerVersion()).isEqualTo("1.2.3");
        assertThat(compiled.get().lock().stories()).containsOnlyKeys("base", "extra");
        assertThat(compiled.get().tree().texts()).containsKey("warehouse/extra/base/deploy.sql");
        assertThat(compiler.workspace()).isSameAs(MINIMAL);
    }

    @Test
    void aSelectionErrorStopsBeforeRenderingWithOnlyItsDiagnostic() {
        Workspace workspace = withReleaseText("stories = [\"base\", \"nope\"]\n");

        Result<CompiledEnvironment> compiled = new EnvironmentCompiler(workspace, IDS, "1.2.3")
                .compile(environment(workspace, "prod"));

        assertThat(compiled.ok()).isFalse();
        assertThat(compiled.diagnostics()).extracting(d -> d.code().id() + " " + d.position())
                .containsExactly("E0303 releases/r1.toml:1:20");
    }

    @Test
    void aRequiredStoryMissingFromTheReleaseIsASelectionError() {
        Workspace workspace = withReleaseText("stories = [\"extra\"]\n");

        Result<CompiledEnvironment> compiled = new EnvironmentCompiler(workspace, IDS, "1.2.3")
                .compile(environment(workspace, "prod"));

        assertThat(compiled.diagnostics()).extracting(d -> d.code().id() + " " + d.position()
                + " " + d.message()).containsExactly("E0306 stories/extra/story.toml:2:13 story"
                        + " `extra` requires `base`, which release `r1` does not include");
    }

    @Test
    void aCheckErrorFailsTheEnvironmentAfterTheTreeWasBuilt() {
        Story extra = MINIMAL.story(new StoryId("extra")).orElseThrow();
        Story broken = new Story(extra.id(), extra.manifestSource(), extra.manifest(),
                extra.files().stream().map(f -> f.kind() != ArtifactKind.EXPLORE ? f
                        : new StoryFile(new SourceFile(f.source().path(),
                                f.source().text().replace("join: base", "join: nowhere")),
                                f.kind(), f.storyRelativePath())).toList());
        Workspace workspace = MINIMAL.withStories(Map.of(extra.id(), broken));

        Result<CompiledEnvironment> compiled = new EnvironmentCompiler(workspace, IDS, "1.2.3")
                .compile(environment(workspace, "prod"));

        assertThat(compiled.ok()).isFalse();
        assertThat(compiled.diagnostics()).filteredOn(Diagnostic::isError)
                .extracting(d -> d.code().id() + " " + d.position() + " " + d.message())
                .containsExactly("E0601 stories/extra/explores/extra.explore.lkml:2:9 explore"
                        + " `extra` joins `nowhere`, but environment `prod` defines no view"
                        + " `nowhere`",
                        // and the join's sql_on still names the alias the edit took away
                        "E0620 stories/extra/explores/extra.explore.lkml:2:48 `sql_on` of join"
                                + " `nowhere` of explore `extra` names `base.id`, but there is no view"
                                + " or join `base` here");
        assertThat(compiled.value()).isEmpty();
    }
}
