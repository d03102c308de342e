package dev.storyc.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.config.Environment;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.workspace.ArtifactKind;
import dev.storyc.workspace.PinnedStories;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryFile;
import dev.storyc.workspace.StoryId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The orchestration on its own, over the example workspace: which pinned trees it asks for,
 * the order it returns environments in, and how it groups what it found.
 */
class ProjectCompilerTest {
    static final StoryId PATIENTS = new StoryId("patients");

    /** Answers each pin with the working tree's story, changed by {@code change}; records asks. */
    static final class RecordingPins implements PinnedSources {
        final List<String> asked = new ArrayList<>();
        final UnaryOperator<Story> change;

        RecordingPins(UnaryOperator<Story> change) {
            this.change = change;
        }

        @Override
        public Result<Map<StoryId, Story>> load(String release, List<PinnedStories.Pin> pins) {
            asked.add(release + " " + pins.stream()
                    .map(p -> p.story() + "@" + p.tree().substring(0, 7) + "@"
                            + p.position().line())
                    .toList());
            Map<StoryId, Story> stories = new java.util.TreeMap<>();
            pins.forEach(p -> stories.put(p.story(),
                    change.apply(ExampleProject.WORKSPACE.story(p.story()).orElseThrow())));
            return Result.of(stories, List.of());
        }
    }

    static List<String> names(List<CompiledEnvironment> compiled) {
        return compiled.stream().map(c -> c.environment().name()).toList();
    }

    @Test
    void asksForEachSealedReleaseOnceWithItsPinsInListOrder() {
        RecordingPins pins = new RecordingPins(story -> story);
        ProjectCompiler.Compiled compiled = new ProjectCompiler(ExampleProject.inputs(), pins, 1)
                .compile(ExampleProject.all());

        assertThat(compiled.failed()).as(compiled.diagnostics().toString()).isFalse();
        assertThat(pins.asked).containsExactly("2026-W47 [patients@ed4f794@11,"
                + " encounters@971901c@12, claims@e9e5e77@13, appointments@541a910@14]");
        assertThat(names(compiled.environments())).containsExactly("acceptance-1",
                "acceptance-2", "dev-alice", "dev-bob", "dev-cobbr2", "integration", "production");
    }

    @Test
    void environmentsOnTheWorkingTreeReadGitOnlyForStoriesThatMovedOnFromTheirPins() {
        List<Environment> unsealed = ExampleProject.all().stream()
                .filter(e -> !e.name().equals("production")).toList();
        ProjectCompiler.Inputs real = ExampleProject.inputs();
        Map<StoryId, String> pinned = ProjectCompiler.pinsOf(ProjectCompiler.sealedRelease(real.workspace(),
                        ExampleProject.all().stream().filter(e -> e.name().equals("production")).findFirst()
                                .orElseThrow()).orElseThrow()).stream()
                .collect(java.util.stream.Collectors.toMap(PinnedStories.Pin::story, PinnedStories.Pin::tree));

        // Every story as its pin: nothing to compare, so git is never read.
        PinnedSources refuses = (release, pins) -> {
            throw new AssertionError("asked for " + release);
        };
        ProjectCompiler.Inputs untouched = new ProjectCompiler.Inputs(real.workspace(), real.environments(),
                story -> pinned.getOrDefault(story.id(), real.contentIds().treeIdOf(story)),
                real.compilerVersion(), real.processEnvironment());
        ProjectCompiler.Compiled compiled = new ProjectCompiler(untouched, refuses, 1).compile(unsealed);
        assertThat(compiled.failed()).isFalse();
        assertThat(compiled.environments()).hasSize(unsealed.size());
        assertThat(compiled.findings()).hasSize(1);
        assertThat(compiled.findings().get(0).workspace()).isSameAs(ExampleProject.WORKSPACE);

        // One story moved on: only its pin is read, once, to look for an edited change (E0804).
        ProjectCompiler.Inputs movedOn = new ProjectCompiler.Inputs(real.workspace(), real.environments(),
                story -> story.id().value().equals("claims") ? "0".repeat(40)
                        : pinned.getOrDefault(story.id(), real.contentIds().treeIdOf(story)),
                real.compilerVersion(), real.processEnvironment());
        RecordingPins pins = new RecordingPins(story -> story);
        assertThat(new ProjectCompiler(movedOn, pins, 1).compile(unsealed).failed()).isFalse();
        assertThat(pins.asked).containsExactly("2026-W47 [claims@e9e5e77@13]");
    }

    @Test
    void returnsEnvironmentsInSelectionOrderWithTheSameBytesWhateverTheJobs() {
        List<Environment> reversed = new ArrayList<>(ExampleProject.all());
        java.util.Collections.reverse(reversed);
        RecordingPins pins = new RecordingPins(story -> story);

        List<CompiledEnvironment> one = new ProjectCompiler(ExampleProject.inputs(), pins, 1)
                .compile(reversed).environments();
        List<CompiledEnvironment> three = new ProjectCompiler(ExampleProject.inputs(), pins, 3)
                .compile(reversed).environments();

        assertThat(names(one))
                .containsExactlyElementsOf(reversed.stream().map(Environment::name).toList());
        assertThat(names(three)).containsExactlyElementsOf(names(one));
        for (int i = 0; i < one.size(); i++) {
            assertThat(three.get(i).tree().texts()).isEqualTo(one.get(i).tree().texts());
        }
    }

    @Test
    void aSealedEnvironmentCompilesThePinnedTextNotTheWorkingTree() {
        RecordingPins pins = new RecordingPins(story -> withDeploy(story, "-- as sealed\n"));

        ProjectCompiler.Compiled compiled = new ProjectCompiler(ExampleProject.inputs(), pins, 1)
                .compile(List.of(ExampleProject.named("production"),
                        ExampleProject.named("integration")));

        assertThat(compiled.failed()).isFalse();
        assertThat(texts(compiled.environments().get(0)))
                .anyMatch(t -> t.endsWith("-- as sealed\n"));
        assertThat(texts(compiled.environments().get(1)))
                .noneMatch(t -> t.contains("-- as sealed"));
    }

    @Test
    void problemsInAPinnedStoryAreGroupedWithThePinnedWorkspace() {
        RecordingPins pins = new RecordingPins(
                story -> story.id().equals(PATIENTS) ? withoutRevert(story) : story);

        ProjectCompiler.Compiled compiled = new ProjectCompiler(ExampleProject.inputs(), pins, 1)
                .compile(List.of(ExampleProject.named("integration"),
                        ExampleProject.named("production")));

        assertThat(compiled.failed()).isTrue();
        assertThat(names(compiled.environments())).containsExactly("integration");
        assertThat(compiled.findings()).hasSize(2);
        assertThat(compiled.findings().get(0).workspace()).isSameAs(ExampleProject.WORKSPACE);
        assertThat(compiled.findings().get(0).diagnostics()).noneMatch(Diagnostic::isError);
        ProjectCompiler.Findings pinned = compiled.findings().get(1);
        assertThat(pinned.workspace().story(PATIENTS).orElseThrow()
                .filesOf(ArtifactKind.SCHEMA_REVERT)).isEmpty();
        assertThat(pinned.diagnostics()).filteredOn(Diagnostic::isError)
                .extracting(d -> d.code().id() + " " + d.position())
                .containsExactly("E0610 stories/patients/schema/deploy.sql");
    }

    @Test
    void anUnreadablePinnedReleaseFailsItsEnvironmentsOnlyAndIsReportedOnce() {
        Diagnostic missing = Diagnostic.error(Code.PIN_OBJECT_MISSING,
                Position.of("releases/2026-W47.toml", 11, 12),
                "release `2026-W47` pins `patients` to a tree this repository does not have");
        List<String> asked = new ArrayList<>();
        PinnedSources broken = (release, pins) -> {
            asked.add(release);
            return Result.failed(List.of(missing));
        };
        Environment production = ExampleProject.named("production");

        ProjectCompiler.Compiled compiled = new ProjectCompiler(ExampleProject.inputs(), broken, 1)
                .compile(List.of(production, ExampleProject.named("acceptance-1"), production));

        assertThat(asked).containsExactly("2026-W47");
        assertThat(compiled.failed()).isTrue();
        assertThat(names(compiled.environments())).containsExactly("acceptance-1");
        assertThat(compiled.findings()).hasSize(1);
        assertThat(compiled.findings().get(0).diagnostics()).filteredOn(Diagnostic::isError)
                .containsExactly(missing);
    }

    static List<String> texts(CompiledEnvironment compiled) {
        return List.copyOf(compiled.tree().texts().values());
    }

    static Story withDeploy(Story story, String appended) {
        List<StoryFile> files = story.files().stream()
                .map(f -> f.kind() != ArtifactKind.SCHEMA_DEPLOY ? f
                : new StoryFile(new SourceFile(f.source().path(), f.source().text() + appended),
                        f.kind(),
                        f.storyRelativePath())).toList();
        return new Story(story.id(), story.manifestSource(), story.manifest(), files);
    }

    static Story withoutRevert(Story story) {
        return new Story(story.id(), story.manifestSource(), story.manifest(),
                story.files().stream().filter(f -> f.kind() != ArtifactKind.SCHEMA_REVERT)
                        .toList());
    }

    @Test
    void refusesFewerThanOneJob() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new ProjectCompiler(ExampleProject.inputs(), (r, p) -> Result.of(Map.of(),
                        List.of()), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
