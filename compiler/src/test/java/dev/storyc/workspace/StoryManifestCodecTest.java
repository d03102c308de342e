package dev.storyc.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.SourceFile;
import dev.storyc.testing.Checkout;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A remembered manifest equals the parsed one, positions included; bytes that are not an encoding
 * decode to nothing; and the parser takes a manifest from its memo only for the same path and
 * text, and remembers only manifests without a diagnostic.
 */
class StoryManifestCodecTest {
    private static final String EDGES = """
            title = "Caf\\u00e9 \\U0001F600 \\"quoted\\""
            owner = "team\\tanalytics"
            ticket = "T-1"
            description = \"\"\"
            Two lines,
            and a third.\"\"\"
            requires = [
              "patients",
                "encounters",
            ]
            """;

    @Test
    void everyExampleManifestAndTheEdgesDecodeEqual() {
        SortedMap<String, StoryManifest> manifests = new TreeMap<>();
        Workspace workspace = WorkspaceLoader.load(Checkout.root(), StdlibLoader.load()).get();
        workspace.stories().values().forEach(story -> manifests.put(story.id().value(),
                story.manifest()));
        manifests.put("edges", parse("stories/edges/story.toml", EDGES).orElseThrow());
        assertThat(manifests.get("edges").requires()).extracting(r -> r.position().toString())
                .containsExactly("stories/edges/story.toml:8:3", "stories/edges/story.toml:9:5");
        assertThat(manifests).hasSizeGreaterThan(5);

        assertThat(StoryManifestCodec.decode(StoryManifestCodec.encode(manifests)))
                .contains(manifests);
        assertThat(StoryManifestCodec.decode(StoryManifestCodec.encode(Map.of())))
                .contains(new TreeMap<>());
    }

    @Test
    void anythingButAnEncodingDecodesToNothing() {
        byte[] bytes = StoryManifestCodec.encode(
                Map.of("a", parse("stories/a/story.toml", EDGES).orElseThrow()));
        for (int length = 0; length < bytes.length; length++) {
            assertThat(StoryManifestCodec.decode(Arrays.copyOf(bytes, length))).as("%d", length)
                    .isEmpty();
        }
        assertThat(StoryManifestCodec.decode(Arrays.copyOf(bytes, bytes.length + 1))).isEmpty();
        Random random = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            byte[] garbled = bytes.clone();
            garbled[random.nextInt(garbled.length)] = (byte) random.nextInt(256);
            StoryManifestCodec.decode(garbled); // may decode; must never throw
        }
    }

    @Test
    void theParserRecallsTheSameTextOnlyAndRemembersOnlyCleanManifests() {
        Map<String, StoryManifest> memory = new HashMap<>();
        ManifestMemo memo = new ManifestMemo() {
            @Override
            public Optional<StoryManifest> recall(String key) {
                return Optional.ofNullable(memory.get(key));
            }

            @Override
            public void remember(String key, StoryManifest manifest) {
                memory.put(key, manifest);
            }
        };
        SourceFile source = new SourceFile("stories/a/story.toml", "title = \"A\"\n");
        StoryManifest parsed = StoryManifestParser.parse(source, new Diagnostics(), memo)
                .orElseThrow();
        assertThat(memory).hasSize(1);

        // A planted value proves the second call takes the memo's word for the same text.
        StoryManifest planted = new StoryManifest("planted", Optional.empty(), Optional.empty(),
                Optional.empty(), java.util.List.of());
        memory.replaceAll((key, manifest) -> planted);
        assertThat(StoryManifestParser.parse(source, new Diagnostics(), memo)).contains(planted);
        assertThat(StoryManifestParser.parse(new SourceFile("stories/b/story.toml", source.text()),
                new Diagnostics(), memo)).as("another path").contains(parsed);
        assertThat(StoryManifestParser.parse(new SourceFile(source.path(), "title = \"A\" \n"),
                new Diagnostics(), memo)).as("another text").contains(parsed);

        Diagnostics found = new Diagnostics();
        SourceFile unknown = new SourceFile("stories/c/story.toml", "title = \"C\"\ncolour = 1\n");
        assertThat(StoryManifestParser.parse(unknown, found, memo)).isEmpty();
        assertThat(found.all()).isNotEmpty();
        assertThat(memory).as("a manifest with a diagnostic is not remembered").hasSize(3);
    }

    private static Optional<StoryManifest> parse(String path, String text) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<StoryManifest> manifest =
                StoryManifestParser.parse(new SourceFile(path, text), diagnostics);
        assertThat(diagnostics.all()).isEmpty();
        return manifest;
    }
}
