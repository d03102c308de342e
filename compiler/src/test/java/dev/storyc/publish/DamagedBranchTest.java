package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A branch whose first commit another run is making shows a reflog and, for a moment, no ref: JGit
 * appends to the reflog before it renames the ref's lock into place. That is not damage.
 */
class DamagedBranchTest {
    @Test
    void aRefBeingWrittenUnderItsLockIsWaitedForAndAMissingOneWithoutALockIsDamage(@TempDir Path temp)
            throws Exception {
        Path directory = temp.resolve("out");
        Files.createDirectories(directory);
        git(directory, "init", "-q", "-b", "main");
        git(directory, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty",
                "-m", "first");
        String head = git(directory, "rev-parse", "main");
        Path ref = directory.resolve(".git/refs/heads/main");
        Path lock = directory.resolve(".git/refs/heads/main.lock");
        Files.delete(ref);
        Files.writeString(lock, head + "\n");
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(300);
                Files.move(lock, ref);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        try (Repository repository = new FileRepositoryBuilder().setGitDir(directory.resolve(".git").toFile()).build()) {
            writer.start();
            assertThat(DamagedBranch.problem(repository, "main")).isEmpty();
            writer.join();
            Files.delete(ref);
            assertThat(DamagedBranch.problem(repository, "main"))
                    .contains(".git/refs/heads/main is gone, though its reflog shows it was made");
        }
    }
}
