package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Storyc-Source trailer: the workspace's HEAD, dirty only when a file storyc reads differs. */
class SourceRevisionTest {
    @Test
    void onlyTheWorkspacesOwnReadFilesMakeItDirty(@TempDir Path temp) {
        Path repository = temp.resolve("repo");
        Path workspace = repository.resolve("analytics");
        Checkout.write(workspace.resolve("environments.toml"), "# environments\n");
        Checkout.write(workspace.resolve("stories/a/story.toml"), "title = \"A\"\n");
        Checkout.write(workspace.resolve(".gitignore"), "*.local.sql\nout/\n");
        Checkout.write(repository.resolve("app/main.py"), "print()\n");
        git(repository, "init", "-q");
        git(repository, "add", "-A");
        git(repository, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "start");
        String head = git(repository, "rev-parse", "HEAD");
        List<Path> outputs = List.of(Path.of("elsewhere"));

        Checkout.write(repository.resolve("app/main.py"), "print('the rest of the repository')\n");
        Checkout.write(workspace.resolve("elsewhere/production/views/x.view.lkml"), "view: x {}\n");
        Checkout.write(workspace.resolve("stories/a/.story.toml.swp"), "swap\n");
        Checkout.write(workspace.resolve(".storyc/cache/x"), "cache\n");
        Checkout.write(workspace.resolve("out/integration/x"), "ignored output\n");
        assertThat(SourceRevision.describe(workspace, outputs)).isEqualTo(head);

        Checkout.write(workspace.resolve("stories/a/etl/extra.local.sql"), "SELECT 1;\n");
        assertThat(SourceRevision.describe(workspace, outputs))
                .as("an ignored file in a story is compiled, and no commit holds it").isEqualTo(head + "+dirty");
        Checkout.deleteTree(workspace.resolve("stories/a/etl"));
        Checkout.write(workspace.resolve("stories/a/story.toml"), "title = \"A, edited\"\n");
        assertThat(SourceRevision.describe(workspace, outputs)).isEqualTo(head + "+dirty");
    }
}
