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
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
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
    record Inputs(Workspace workspace, Environments environments, Set<String> secrets,
            String salt, String compilerVersion, Environment environment) {
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

    /** The parts of a workspace, to change one at a time. */
    static final class Parts {
        Optional<SourceFile> environments;
        SortedMap<StoryId, Story> stories;
        SortedMap<String, SourceFile> releases;
        Map<String, SourceFile> partials;
        Optional<SourceFile> settings;
        Stdlib stdlib;
        List<SourceFile> rejected;
        SortedMap<String, SourceFile> modelFiles;
        private final Workspace from;

        Parts(Workspace w) {
            from = w;
            environments = w.environments();
            stories = new TreeMap<>(w.stories());
            releases = new TreeMap<>(w.releases());
            partials = new HashMap<>(w.partials());
            settings = w.settings();
            stdlib = w.stdlib();
            rejected = w.rejected();
            modelFiles = new TreeMap<>(w.modelFiles());
        }

        Workspace build() {
            return new Workspace(environments, stories, releases, partials, settings, stdlib,
                    from.environmentImports(), rejected, modelFiles);
        }
    }

    static Change workspace(String name, Consumer<Parts> change) {
        return new Change(name, inputs -> {
            Parts parts = new Parts(inputs.workspace());
            change.accept(parts);
            return inputs.with(parts.build());
        });
    }

    static Change inputs(String name, UnaryOperator<Inputs> change) {
        return new Change(name, change);
    }

    static Stream<Change> changes() {
        StoryId patients = new StoryId("patients");
        return Stream.of(
                workspace("environments.toml",
                        p -> p.environments = p.environments.map(f -> edited(f))),
                workspace("storyc.toml",
                        p -> p.settings = Optional.of(new SourceFile("storyc.toml", "jobs = 2\n"))),
                workspace("a release manifest", p -> editFirst(p.releases)),
                workspace("a partial",
                        p -> p.partials.put("added",
                                new SourceFile("partials/added.mustache", "x"))),
                workspace("a model file", p -> editFirst(p.modelFiles)),
                workspace("a rejected file",
                        p -> p.rejected = List.of(new SourceFile("stories/bad/story.toml", "x"))),
                workspace("a story's file",
                        p -> p.stories.put(patients, editedStory(p.stories.get(patients)))),
                workspace("a story integration leaves out",
                        p -> p.stories.put(new StoryId("zz-elsewhere"),
                                renamed(p.stories.get(patients), "zz-elsewhere"))),
                workspace("the stdlib", p -> {
                    TreeMap<String, SourceFile> templates = new TreeMap<>(p.stdlib.templates());
                    editFirst(templates);
                    p.stdlib = new Stdlib(p.stdlib.environmentType(), templates,
                            p.stdlib.partials());
                }),
                inputs("another environment's values", i -> new Inputs(i.workspace(),
                        rehashed(i.environments(), "production"), i.secrets(), i.salt(),
                        i.compilerVersion(), i.environment())),
                inputs("a secret value", i -> new Inputs(i.workspace(), i.environments(),
                        Set.of("other"), i.salt(), i.compilerVersion(), i.environment())),
                inputs("the cache's salt", i -> new Inputs(i.workspace(), i.environments(),
                        i.secrets(), "pepper", i.compilerVersion(), i.environment())),
                inputs("the compiler version", i -> new Inputs(i.workspace(), i.environments(),
                        i.secrets(), i.salt(), "0.0.1-test", i.environment())),
                inputs("the environment's own values", i -> new Inputs(i.workspace(),
                        i.environments(), i.secrets(), i.salt(), i.compilerVersion(),
                        rehash(i.environment()))),
                inputs("another environment, same values", i -> new Inputs(i.workspace(),
                        i.environments(), i.secrets(), i.salt(), i.compilerVersion(),
                        ExampleProject.named("acceptance-2"))));
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
        Inputs same = new Inputs(BASE, ENVIRONMENTS, Set.of("s3cret"), "salt", "0.0.0-test",
                INTEGRATION);
        assertThat(same.fingerprint()).isEqualTo(base().fingerprint());
    }

    private static SourceFile edited(SourceFile file) {
        return new SourceFile(file.path(), file.text() + "\n# edited\n");
    }

    private static <K> void editFirst(SortedMap<K, SourceFile> files) {
        K first = files.firstKey();
        files.put(first, edited(files.get(first)));
    }

    private static Story editedStory(Story story) {
        List<StoryFile> files = new java.util.ArrayList<>(story.files());
        StoryFile first = files.get(0);
        files.set(0, new StoryFile(edited(first.source()), first.kind(),
                first.storyRelativePath()));
        return new Story(story.id(), story.manifestSource(), story.manifest(), files);
    }

    private static Story renamed(Story story, String id) {
        return new Story(new StoryId(id), story.manifestSource(), story.manifest(), story.files());
    }

    private static Environment rehash(Environment e) {
        return new Environment(e.name(), e.kind(), e.connection(), e.model(), e.projectName(),
                e.release(), e.isProtected(), e.output(), e.lookerConstants(), e.values(),
                e.normalForm() + " ", "sha256:" + "0".repeat(64), e.definedAt(), e.phi(), e.releaseAt());
    }

    private static Environments rehashed(Environments environments, String name) {
        Map<String, Environment> byName = new TreeMap<>(environments.byName());
        byName.put(name, rehash(byName.get(name)));
        return new Environments(byName);
    }
}
