package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.WorkspaceLoader;
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
}
