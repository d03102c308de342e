package dev.storyc.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.SourceFile;
import dev.storyc.testing.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A story's stamps change with every file the loader reads for it, and with nothing outside it;
 * they are trusted only when its files last changed before the load began.
 */
class StoryStampsTest {
    private static final StoryId PATIENTS = new StoryId("patients");

    @TempDir Path temp;
    private Path workspace;

    @BeforeEach
    void copyAndAge() throws IOException {
        workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        age(workspace, Duration.ofHours(1));
    }

    @Test
    void everyFileOfTheStoryChangesItsStampsAndNoOtherStorysFileDoes() throws IOException {
        Workspace loaded = WorkspaceLoader.load(workspace, StdlibLoader.load()).get();
        List<String> files = loaded.allSources().stream().map(SourceFile::path)
                .filter(path -> path.startsWith("stories/patients/")).distinct().toList();
        assertThat(files).hasSizeGreaterThan(5).contains("stories/patients/story.toml");
        InputStamps before = stamps().of(PATIENTS).orElseThrow();
        assertThat(stamps().of(PATIENTS)).as("the same files, the same stamps").contains(before);

        for (String path : files) {
            InputStamps earlier = stamps().of(PATIENTS).orElseThrow();
            Files.writeString(workspace.resolve(path), " ", StandardOpenOption.APPEND);
            assertThat(stamps().of(PATIENTS).orElseThrow().digest()).as(path)
                    .isNotEqualTo(earlier.digest());
        }

        InputStamps patients = stamps().of(PATIENTS).orElseThrow();
        Files.writeString(workspace.resolve("stories/claims/story.toml"), "\n",
                StandardOpenOption.APPEND);
        Files.writeString(workspace.resolve("environments.toml"), "\n", StandardOpenOption.APPEND);
        assertThat(stamps().of(PATIENTS)).as("other stories and files").contains(patients);

        Files.writeString(workspace.resolve("stories/patients/views/new.view.lkml"),
                "view: new {}\n");
        assertThat(stamps().of(PATIENTS).orElseThrow().digest()).as("a new file")
                .isNotEqualTo(patients.digest());
    }

    @Test
    void aStoryIsTrustedOnlyWhenItsFilesChangedBeforeTheLoad() throws IOException {
        StoryStamps old = stamps();
        assertThat(old.trusted(old.of(PATIENTS).orElseThrow())).isTrue();

        Files.writeString(workspace.resolve("stories/patients/story.toml"), "\n",
                StandardOpenOption.APPEND);
        StoryStamps fresh = stamps();
        assertThat(fresh.trusted(fresh.of(PATIENTS).orElseThrow()))
                .as("a file written just now").isFalse();
        assertThat(fresh.trusted(fresh.of(new StoryId("claims")).orElseThrow())).isTrue();
    }

    @Test
    void aLoadThatTakesNoStampsHasNone() {
        WorkspaceLoader.load(workspace, StdlibLoader.load(), StoryStamps.NONE, ManifestMemo.NONE);
        assertThat(StoryStamps.NONE.of(PATIENTS)).isEmpty();
        assertThat(WorkspaceLoader.load(workspace, StdlibLoader.load()).get().stories())
                .containsKey(PATIENTS);
    }

    private StoryStamps stamps() {
        StoryStamps stamps = StoryStamps.begin();
        assertThat(WorkspaceLoader.load(workspace, StdlibLoader.load(), stamps, ManifestMemo.NONE).ok()).isTrue();
        return stamps;
    }

    /** Sets every file's modification time back by {@code age}, as a checkout from long ago. */
    private static void age(Path root, Duration age) throws IOException {
        FileTime then = FileTime.from(Instant.now().minus(age));
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Files.setLastModifiedTime(path, then);
            }
        }
    }
}
