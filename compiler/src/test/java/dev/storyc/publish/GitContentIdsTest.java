package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A story's content id must be the tree id git itself gives the committed story folder. */
class GitContentIdsTest {
    @Test
    void matchesTheTreeIdGitGivesTheCommittedFolder(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        git(workspace, "init", "-q");
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "stories");
        var loaded = WorkspaceLoader.load(workspace, StdlibLoader.load()).get();
        for (Story story : loaded.stories().values()) {
            assertThat(new GitContentIds().treeIdOf(story)).as(story.id().value())
                    .isEqualTo(git(workspace, "rev-parse", "HEAD:stories/" + story.id()));
        }
    }

    /**
     * Git orders names as UTF-8 bytes, that is by code point; Java's strings compare UTF-16 units,
     * which put a name above U+FFFF (an emoji) before one in U+E000 to U+FFFF.
     */
    @Test
    void ordersNamesAsGitDoesBeyondTheBasicPlane(@TempDir Path temp) throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        Path views = workspace.resolve("stories/appointments/views");
        Files.writeString(views.resolve("\uD83D\uDE00.view.lkml"), "view: smile {}\n");
        Files.writeString(views.resolve("\uFFFD.view.lkml"), "view: replacement {}\n");
        Files.writeString(views.resolve("\uE000.view.lkml"), "view: private_use {}\n");
        git(workspace, "init", "-q");
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "stories");
        Story story = WorkspaceLoader.load(workspace, StdlibLoader.load()).get().stories().values().stream()
                .filter(s -> s.id().value().equals("appointments")).findFirst().orElseThrow();

        assertThat(story.files()).hasSizeGreaterThan(3);
        assertThat(new GitContentIds().treeIdOf(story))
                .isEqualTo(git(workspace, "rev-parse", "HEAD:stories/appointments"));
    }
}
