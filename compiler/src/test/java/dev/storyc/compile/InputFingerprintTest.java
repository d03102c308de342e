package dev.storyc.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.config.Environment;
import dev.storyc.config.Environments;
import dev.storyc.diag.SourceFile;
import dev.storyc.publish.GitContentIds;
import dev.storyc.workspace.Stdlib;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryFile;
import dev.storyc.workspace.StoryId;
import dev.storyc.workspace.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Exactness of reuse rests on the fingerprint: every input that can change an environment's output
 * or its diagnostics must change the fingerprint. One row per input.
 */
class InputFingerprintTest {
    static final Workspace BASE = ExampleProject.WORKSPACE;
    static final Environments ENVIRONMENTS = ExampleProject.EVALUATION.environments();
    static final Environment INTEGRATION = ExampleProject.named("integration");

    /** One way to change the inputs, and whether integration's fingerprint must move with it. */
    record Change(String name, UnaryOperator<Inputs> change) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Everything the fingerprint is computed from. */
    record Inputs(Workspace workspace, Environments environments, Set<String> secrets, String salt,
            String compilerVersion, Environment environment) {
        String fingerprint() {
            return InputFingerprint.of(workspace, new GitContentIds(), environments, secrets, salt,
                    compilerVersion).of(environment);
        }

        Inputs with(Workspace changed) {
            return new Inputs(changed, environments, secrets, salt, compilerVersion, environment);
        }
    }

    static Inputs base() {
        return new Inputs(BASE, ENVIRONMENTS, Set.of("s3cret"), "salt", "0.0.0-test", INTEGRATION);
    }

    static Stream<Change> changes() {
        return Stream.of(
                new Change("environments.toml", i -> i.with(workspace(i.workspace(), w -> new Workspace(
                        w.environments().map(f -> edited(f)), w.stories(), w.releases(), w.partials(), w.settings(),
                        w.stdlib(), w.environmentImports(), w.rejected(), w.modelFiles())))),
                new Change("storyc.toml", i -> i.with(workspace(i.workspace(), w -> new Workspace(
                        w.environments(), w.stories(), w.releases(), w.partials(),
                        Optional.of(new SourceFile("storyc.toml", "jobs = 2\n")), w.stdlib(),
                        w.environmentImports(), w.rejected(), w.modelFiles())))),
                new Change("a release manifest", i -> i.with(workspace(i.workspace(), w -> new Workspace(
                        w.environments(), w.stories(), editedFirst(w.releases()), w.partials(), w.settings(),
                        w.stdlib(), w.environmentImports(), w.rejected(), w.modelFiles())))),
                new Change("a partial", i -> i.with(workspace(i.workspace(), w -> {
                    Map<String, SourceFile> partials = new HashMap<>(w.partials());
                    partials.put("added", new SourceFile("partials/added.mustache", "x"));
                    return new Workspace(w.environments(), w.stories(), w.releases(), partials, w.settings(),
                            w.stdlib(), w.environmentImports(), w.rejected(), w.modelFiles());
                }))),
                new Change("a model file", i -> i.with(workspace(i.workspace(), w -> new Workspace(
                        w.environments(), w.stories(), w.releases(), w.partials(), w.settings(), w.stdlib(),
                        w.environmentImports(), w.rejected(), editedFirst(w.modelFiles()))))),
                new Change("a rejected file", i -> i.with(workspace(i.workspace(), w -> new Workspace(
                        w.environments(), w.stories(), w.releases(), w.partials(), w.settings(), w.stdlib(),
                        w.environmentImports(), List.of(new SourceFile("stories/bad/story.toml", "x")),
                        w.modelFiles())))),
                new Change("a story's file", i -> i.with(i.workspace().withStories(Map.of(
                        new StoryId("patients"), editedStory(i.workspace().story(new StoryId("patients"))
                                .orElseThrow()))))),
                new Change("a story integration leaves out", i -> i.with(i.workspace().withStories(Map.of(
                        new StoryId("zz-elsewhere"), renamed(i.workspace().stories().values().iterator().next(),
                                "zz-elsewhere"))))),
                new Change("the stdlib", i -> i.with(workspace(i.workspace(), w -> new Workspace(
                        w.environments(), w.stories(), w.releases(), w.partials(), w.settings(),
                        new Stdlib(w.stdlib().environmentType(), editedFirst(new TreeMap<>(w.stdlib().templates())),
                                w.stdlib().partials()),
                        w.environmentImports(), w.rejected(), w.modelFiles())))),
                new Change("another environment's values", i -> new Inputs(i.workspace(),
                        rehashed(i.environments(), "production"), i.secrets(), i.salt(), i.compilerVersion(),
                        i.environment())),
                new Change("a secret value", i -> new Inputs(i.workspace(), i.environments(), Set.of("other"),
                        i.salt(), i.compilerVersion(), i.environment())),
                new Change("the cache's salt", i -> new Inputs(i.workspace(), i.environments(), i.secrets(),
                        "pepper", i.compilerVersion(), i.environment())),
                new Change("the compiler version", i -> new Inputs(i.workspace(), i.environments(), i.secrets(),
                        i.salt(), "0.0.1-test", i.environment())),
                new Change("the environment's own values", i -> new Inputs(i.workspace(), i.environments(),
                        i.secrets(), i.salt(), i.compilerVersion(), rehash(i.environment()))),
                new Change("another environment, same values", i -> new Inputs(i.workspace(), i.environments(),
                        i.secrets(), i.salt(), i.compilerVersion(), ExampleProject.named("acceptance-2"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void everyInputMovesTheFingerprint(Change change) {
        assertThat(change.change().apply(base()).fingerprint()).isNotEqualTo(base().fingerprint());
    }

    @Test
    void equalInputsGiveEqualFingerprints() {
        Workspace copy = BASE.withStories(Map.of());
        Inputs again = base().with(copy);
        assertThat(again.fingerprint()).isEqualTo(base().fingerprint()).matches("[0-9a-f]{64}");
        assertThat(new Inputs(BASE, ENVIRONMENTS, Set.of("s3cret"), "salt", "0.0.0-test", INTEGRATION)
                .fingerprint()).isEqualTo(base().fingerprint());
    }

    private static Workspace workspace(Workspace workspace, UnaryOperator<Workspace> change) {
        return change.apply(workspace);
    }

    private static SourceFile edited(SourceFile file) {
        return new SourceFile(file.path(), file.text() + "\n# edited\n");
    }

    private static <K extends Comparable<K>> TreeMap<K, SourceFile> editedFirst(Map<K, SourceFile> files) {
        TreeMap<K, SourceFile> copy = new TreeMap<>(files);
        K first = copy.firstKey();
        copy.put(first, edited(copy.get(first)));
        return copy;
    }

    private static Story editedStory(Story story) {
        List<StoryFile> files = new java.util.ArrayList<>(story.files());
        StoryFile first = files.get(0);
        files.set(0, new StoryFile(edited(first.source()), first.kind(), first.storyRelativePath()));
        return new Story(story.id(), story.manifestSource(), story.manifest(), files);
    }

    private static Story renamed(Story story, String id) {
        return new Story(new StoryId(id), story.manifestSource(), story.manifest(), story.files());
    }

    private static Environment rehash(Environment e) {
        return new Environment(e.name(), e.kind(), e.connection(), e.model(), e.projectName(), e.release(),
                e.isProtected(), e.output(), e.lookerConstants(), e.values(), e.normalForm() + " ",
                "sha256:" + "0".repeat(64), e.definedAt());
    }

    private static Environments rehashed(Environments environments, String name) {
        Map<String, Environment> byName = new TreeMap<>(environments.byName());
        byName.put(name, rehash(byName.get(name)));
        return new Environments(byName);
    }
}
