package dev.storyc.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.SourceFile;
import dev.storyc.testing.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stamps cover every file a load reads, and nothing else decides them. */
class InputStampsTest {
    @TempDir Path temp;

    @Test
    void everyFileALoadReadsChangesTheStampsWhenItChanges() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Checkout.write(workspace.resolve("storyc.toml"), "color = \"never\"\n");
        Checkout.write(workspace.resolve("partials/owner.mustache"), "team analytics\n");
        Workspace loaded = WorkspaceLoader.load(workspace, StdlibLoader.load()).get();
        Set<String> stdlib = new HashSet<>();
        loaded.stdlib().templates().values().forEach(f -> stdlib.add(f.path()));
        loaded.stdlib().partials().values().forEach(f -> stdlib.add(f.path()));
        stdlib.add(loaded.stdlib().environmentType().path());
        List<String> read = loaded.allSources().stream().map(SourceFile::path)
                .filter(path -> !stdlib.contains(path)).distinct().toList();
        assertThat(read).hasSizeGreaterThan(40)
                .contains("environments.toml", "storyc.toml")
                .anyMatch(path -> path.startsWith("releases/"))
                .anyMatch(path -> path.startsWith("partials/"))
                .anyMatch(path -> path.startsWith("model/"))
                .anyMatch(path -> path.endsWith("/schema/phi.toml"));

        for (String path : read) {
            String before = stamps(workspace, loaded).digest();
            Files.writeString(workspace.resolve(path), " ", StandardOpenOption.APPEND);
            assertThat(stamps(workspace, loaded).digest()).as(path).isNotEqualTo(before);
        }
    }

    @Test
    void theSameTreeGivesTheSameStampsAndAnotherTreeOthers() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        InputStamps first = InputStamps.take(workspace, List.of()).orElseThrow();

        assertThat(InputStamps.take(workspace, List.of())).contains(first);
        Files.writeString(workspace.resolve("README.md"), "not an input\n");
        Files.createDirectories(workspace.resolve("out/production"));
        assertThat(InputStamps.take(workspace, List.of())).contains(first);

        Files.createDirectories(workspace.resolve("stories/new-story"));
        assertThat(InputStamps.take(workspace, List.of()).orElseThrow().digest())
                .isNotEqualTo(first.digest());
    }

    @Test
    void theStampsDoNotDependOnWhichThreadTookWhichStory() throws IOException {
        Path workspace = temp.resolve("many");
        for (int i = 0; i < 300; i++) {
            Checkout.write(workspace.resolve("stories/s" + i + "/story.toml"), "n = " + i + "\n");
        }
        String first = InputStamps.take(workspace, List.of()).orElseThrow().digest();

        // The helper takes more or fewer stories from run to run, as the threads are scheduled.
        for (int run = 0; run < 20; run++) {
            assertThat(InputStamps.take(workspace, List.of()).orElseThrow().digest())
                    .isEqualTo(first);
        }
    }

    @Test
    void oneWalkServesCallsWithOtherImports() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Checkout.write(workspace.resolve("shared/clusters.toml"), "[x]\n");
        List<String> imports = List.of("shared/clusters.toml");

        StampWalk walk = StampWalk.begin(workspace);

        assertThat(walk.finish(List.of())).isEqualTo(InputStamps.take(workspace, List.of()));
        assertThat(walk.finish(imports)).isEqualTo(InputStamps.take(workspace, imports))
                .isNotEqualTo(walk.finish(List.of()));
    }

    @Test
    void anImportIsStampedAndSoIsItsAbsence() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        List<String> imports = List.of("shared/clusters.toml");
        String absent = InputStamps.take(workspace, imports).orElseThrow().digest();

        Checkout.write(workspace.resolve("shared/clusters.toml"), "[x]\n");
        String present = InputStamps.take(workspace, imports).orElseThrow().digest();
        Files.writeString(workspace.resolve("shared/clusters.toml"), "[y]\n[z]\n");

        assertThat(present).isNotEqualTo(absent);
        assertThat(InputStamps.take(workspace, imports).orElseThrow().digest())
                .isNotEqualTo(present);
    }

    @Test
    void aLinkedFileIsStampedThroughItsLink() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Path target = Checkout.write(temp.resolve("elsewhere/notes.md"), "one\n");
        Files.createSymbolicLink(
                workspace.resolve("stories/medication-adherence/notes.md"), target);
        String before = InputStamps.take(workspace, List.of()).orElseThrow().digest();

        Files.writeString(target, "two, longer\n");

        assertThat(InputStamps.take(workspace, List.of()).orElseThrow().digest())
                .isNotEqualTo(before);
    }

    @Test
    void theNewestChangeIsTheLatestModificationAmongTheInputs() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Instant latest = Instant.now().plusSeconds(3600);
        Files.setLastModifiedTime(workspace.resolve("stories/medication-adherence/story.toml"),
                FileTime.from(latest));
        // Later still, but neither the workspace folder nor a file outside the inputs is stamped.
        Checkout.write(workspace.resolve("NOT-AN-INPUT.md"), "x\n");
        Files.setLastModifiedTime(workspace.resolve("NOT-AN-INPUT.md"),
                FileTime.from(latest.plusSeconds(60)));
        Files.setLastModifiedTime(workspace, FileTime.from(latest.plusSeconds(60)));

        InputStamps stamps = InputStamps.take(workspace, List.of()).orElseThrow();

        assertThat(stamps.newestChange())
                .isEqualTo(TimeUnit.SECONDS.toNanos(latest.getEpochSecond()) + latest.getNano());
    }

    private static InputStamps stamps(Path workspace, Workspace loaded) {
        return InputStamps.take(workspace, loaded.environmentImports().keySet()).orElseThrow();
    }
}
