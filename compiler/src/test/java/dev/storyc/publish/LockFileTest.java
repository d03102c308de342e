package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.Workspaces;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/** Lock files left by a killed run are explained, and removed only when clearly stale. */
class LockFileTest {
    @TempDir Path temp;

    @Test
    void aFreshRefLockIsExplainedAndLeftAlone() throws Exception {
        Path workspace = compiledOnce();
        Path lock =
                Checkout.write(workspace.resolve("out/production/.git/refs/heads/main.lock"), "");
        String before = git(workspace.resolve("out/production"), "rev-parse", "main");
        Workspaces.changeSource(workspace, "blocked");

        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(compile.exitCode()).as(compile.toString()).isEqualTo(3);
        assertThat(compile.stderr())
                .contains("is locked by `" + lock)
                .contains("s old)")
                .contains("If no such process is running, delete `" + lock + "`");
        assertThat(lock).exists();
        assertThat(git(workspace.resolve("out/production"), "rev-parse", "main")).isEqualTo(before);
    }

    @Test
    void aStaleRefLockIsRemovedWithAWarning() throws Exception {
        Path workspace = compiledOnce();
        Path lock =
                Checkout.write(workspace.resolve("out/production/.git/refs/heads/main.lock"), "");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Workspaces.changeSource(workspace, "unblocked");

        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        assertThat(compile.stderr())
                .contains("warning: removed the stale lock `" + lock + "` (60 min old)");
        assertThat(lock).doesNotExist();
        assertThat(git(workspace.resolve("out/production"), "rev-list", "--count", "main"))
                .isEqualTo("2");
    }

    @Test
    void aHeldReleaseTagLockCostsOnlyAWarning() throws Exception {
        Path workspace = compiledOnce();
        Path repository = workspace.resolve("out/production");
        String tagged = git(repository, "rev-parse", "release/2026-W47");
        // The release's first tag stays; the new commit would be its second, release/2026-W47+2.
        Path lock = Checkout.write(repository.resolve(".git/refs/tags/release/2026-W47+2.lock"), "");
        Workspaces.changeSource(workspace, "tag locked");

        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        assertThat(compile.stderr())
                .contains("could not tag release/2026-W47+2")
                .contains(lock.toString());
        assertThat(git(repository, "rev-list", "--count", "main")).isEqualTo("2");
        assertThat(git(repository, "rev-parse", "release/2026-W47")).isEqualTo(tagged);
    }

    @Test
    void aLockedIndexOnlySkipsTheWorkingTreeRefresh() throws Exception {
        Path workspace = compiledOnce();
        Checkout.write(workspace.resolve("out/production/.git/index.lock"), "");
        Workspaces.changeSource(workspace, "index locked");

        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        assertThat(compile.stderr())
                .contains("was not refreshed: the index is locked by")
                .contains("The commit is made");
        assertThat(git(workspace.resolve("out/production"), "rev-list", "--count", "main"))
                .isEqualTo("2");
    }

    @Test
    void anInterruptedCreationLeavesAFolderThatIsStillUsable() throws Exception {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Files.createDirectories(
                workspace.resolve(
                        "out/production/" + OutputRepository.INIT_PREFIX + "killed/.git"));

        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        assertThat(git(workspace.resolve("out/production"), "rev-list", "--count", "main"))
                .isEqualTo("1");
    }

    @Test
    void aRefLockOfAKilledStorycIsRemovedAtOnce() throws Exception {
        Path workspace = compiledOnce();
        Path repository = workspace.resolve("out/production");
        Path lock = Checkout.write(repository.resolve(".git/refs/heads/main.lock"), "");
        Path registration = registerDeadWriter(repository);
        Workspaces.changeSource(workspace, "after a kill");

        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        assertThat(compile.stderr())
                .contains("removed the stale lock `" + lock + "`")
                .contains("which was killed");
        assertThat(lock).doesNotExist();
        assertThat(registration).doesNotExist();
        assertThat(git(repository, "rev-list", "--count", "main")).isEqualTo("2");
        assertThat(git(repository, "status", "--porcelain")).isEmpty();
    }

    /** Every lock a killed run can leave in its own repository, found by CrashTest's kills. */
    @ParameterizedTest
    @ValueSource(strings = {"FETCH_HEAD.lock", "packed-refs.lock", "HEAD.lock", "config.lock"})
    void aRepositoryLockOfAKilledStorycIsRemovedAtOnce(String name) throws Exception {
        Path workspace = compiledOnce();
        Path repository = workspace.resolve("out/production");
        Path lock = Checkout.write(repository.resolve(".git/" + name), "");
        registerDeadWriter(repository);
        Workspaces.changeSource(workspace, "after a kill");

        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        assertThat(compile.stderr()).contains("removed the stale lock `" + lock + "`");
        assertThat(lock).doesNotExist();
        assertThat(git(repository, "rev-list", "--count", "main")).isEqualTo("2");
    }

    @Test
    void anIndexLockOfAKilledStorycIsRemovedAndTheWorkingTreeRepaired() throws Exception {
        Path workspace = compiledOnce();
        Path repository = workspace.resolve("out/production");
        Path lock = Checkout.write(repository.resolve(".git/index.lock"), "");
        registerDeadWriter(repository);
        // What a kill in the middle of a refresh leaves: a half-written file and one missing.
        Checkout.write(repository.resolve("manifest.lkml"), "half");
        Files.delete(repository.resolve("README.md"));

        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        assertThat(compile.stdout()).contains("unchanged");
        assertThat(compile.stderr())
                .contains("removed the stale lock `" + lock + "`")
                .contains("reset the working tree of");
        assertThat(lock).doesNotExist();
        assertThat(git(repository, "status", "--porcelain")).isEmpty();
    }

    @Test
    void aLockOfAWriterThatIsStillRunningIsNotTakenFromIt() throws Exception {
        Path workspace = compiledOnce();
        Path repository = workspace.resolve("out/production");
        Path lock = Checkout.write(repository.resolve(".git/refs/heads/main.lock"), "");
        // This test's own process is alive: its registration must keep the lock in place.
        ProcessHandle me = ProcessHandle.current();
        Checkout.write(
                repository.resolve(".git/storyc-writers/" + host() + "-" + me.pid() + "-alive"),
                "pid="
                        + me.pid()
                        + "\nhost="
                        + host()
                        + "\nstarted="
                        + me.info().startInstant().map(Object::toString).orElse("")
                        + "\n");
        Workspaces.changeSource(workspace, "blocked by a live writer");

        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(compile.exitCode()).as(compile.toString()).isEqualTo(3);
        assertThat(compile.stderr()).contains("is locked by `" + lock);
        assertThat(lock).exists();
    }

    /** Registers a storyc writer whose process has ended, as a SIGKILL leaves it. */
    private static Path registerDeadWriter(Path repository) throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long pid = ended.pid();
        return Checkout.write(
                repository.resolve(".git/storyc-writers/" + host() + "-" + pid + "-killed"),
                "pid=" + pid + "\nhost=" + host() + "\nstarted=2026-01-01T00:00:00Z\n");
    }

    private static String host() throws Exception {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    }

    private Path compiledOnce() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        return workspace;
    }
}
