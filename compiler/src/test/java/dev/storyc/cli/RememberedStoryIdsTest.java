package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.emit.ContentIds;
import dev.storyc.publish.GitContentIds;
import dev.storyc.testing.Checkout;
import dev.storyc.workspace.ManifestMemo;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;
import dev.storyc.workspace.StoryStamps;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A story's tree id is taken from an earlier run exactly when its files' stamps are equal and were
 * trusted then, and is always the id its bytes give.
 */
class RememberedStoryIdsTest {
    private static final StoryId PATIENTS = new StoryId("patients");

    @TempDir Path temp;

    @Test
    void anUnchangedStoryIsNotHashedAgainAndAChangedOneIs() throws IOException {
        Path workspace = agedCopy();
        Load first = load(workspace, Map.of());
        first.idsOfAllStories();
        assertThat(first.hashed).hasSize(first.workspace.stories().size());
        assertThat(first.ids.changed()).isTrue();
        Map<String, String> remembered = RememberedStoryIds.decode(
                new String(first.ids.encode(), StandardCharsets.UTF_8));
        assertThat(remembered).hasSize(first.workspace.stories().size());

        Load second = load(workspace, remembered);
        List<String> ids = second.idsOfAllStories();
        assertThat(second.hashed).as("every story as before").isEmpty();
        assertThat(ids).isEqualTo(first.idsOfAllStories());
        assertThat(second.ids.changed()).isFalse();

        Files.writeString(workspace.resolve("stories/patients/story.toml"), "\n",
                StandardOpenOption.APPEND);
        Load third = load(workspace, remembered);
        third.idsOfAllStories();
        assertThat(third.hashed).as("the edited story only").containsExactly(PATIENTS);
        Story patients = third.workspace.stories().get(PATIENTS);
        assertThat(third.ids.treeIdOf(patients))
                .isEqualTo(new GitContentIds().treeIdOf(patients))
                .isNotEqualTo(first.ids.treeIdOf(first.workspace.stories().get(PATIENTS)));
        assertThat(RememberedStoryIds.decode(new String(third.ids.encode(), StandardCharsets.UTF_8)))
                .as("a story written during the run is not remembered")
                .hasSize(third.workspace.stories().size() - 1)
                .doesNotContainKey(PATIENTS.value() + " "
                        + third.stamps.of(PATIENTS).orElseThrow().digest());
    }

    @Test
    void aStoryThatIsNotTheWorkingTreesOwnIsAlwaysHashed() throws IOException {
        Path workspace = agedCopy();
        Load first = load(workspace, Map.of());
        first.idsOfAllStories();
        Map<String, String> remembered = RememberedStoryIds.decode(
                new String(first.ids.encode(), StandardCharsets.UTF_8));

        // A pinned copy of a story, as a sealed release compiles it: same id, another instance.
        Workspace other = WorkspaceLoader.load(workspace, StdlibLoader.load()).get();
        Load second = load(workspace, remembered);
        second.ids.treeIdOf(other.stories().get(PATIENTS));
        assertThat(second.hashed).containsExactly(PATIENTS);
    }

    @Test
    void anEntryWithALineItDidNotWriteIsVoid() {
        String tree = "0123456789abcdef0123456789abcdef01234567";
        String digest = "ab".repeat(32);
        assertThat(RememberedStoryIds.decode("patients " + digest + " " + tree + "\n"))
                .containsExactly(Map.entry("patients " + digest, tree));
        for (String bad : List.of("patients " + digest + " " + tree.substring(1),
                "Patients " + digest + " " + tree, "patients " + digest, "x",
                "patients " + digest + " " + tree + " more")) {
            assertThat(RememberedStoryIds.decode("claims " + digest + " " + tree + "\n" + bad + "\n"))
                    .as(bad).isEmpty();
        }
        assertThat(RememberedStoryIds.decode("")).isEmpty();
    }

    private Path agedCopy() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        FileTime then = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (Stream<Path> walk = Files.walk(workspace)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Files.setLastModifiedTime(path, then);
            }
        }
        return workspace;
    }

    private static Load load(Path workspace, Map<String, String> earlier) {
        StoryStamps stamps = StoryStamps.begin();
        Workspace loaded = WorkspaceLoader.load(workspace, StdlibLoader.load(), stamps, ManifestMemo.NONE).get();
        List<StoryId> hashed = new ArrayList<>();
        ContentIds counting = story -> {
            hashed.add(story.id());
            return new GitContentIds().treeIdOf(story);
        };
        return new Load(loaded, stamps,
                new RememberedStoryIds(counting, loaded.stories(), stamps, earlier), hashed);
    }

    /** One run's load and its ids; {@code hashed} lists the stories whose bytes were hashed. */
    private record Load(Workspace workspace, StoryStamps stamps, RememberedStoryIds ids,
            List<StoryId> hashed) {
        List<String> idsOfAllStories() {
            return workspace.stories().values().stream().map(ids::treeIdOf).toList();
        }
    }
}
