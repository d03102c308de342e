package dev.storyc.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.GitServers;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.StorycProcess;
import dev.storyc.testing.Workspaces;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Kills {@code storyc compile} and {@code storyc push} with SIGKILL at random moments, at least
 * {@value #KILLS} times, and checks after every kill that each repository, local and remote, is at
 * its old commit or its new one and passes {@code git fsck --full}, and that the next run recovers
 * the locks a killed run left in its own repositories at once. Two lanes (each its own workspace
 * and remote) run side by side to keep the wall time down.
 *
 * <p>The moments come from a fixed seed, printed, so that a failure can be replayed with {@code
 * -Dstoryc.crash.seed=N}; {@code -Dstoryc.crash.kills=N} runs a longer campaign than CI's. The
 * second lane keeps or drops its working trees at random, so its kills also land in the switch.
 * Each lane stops after {@value #RUNS_PER_KILL} runs per kill it owes, so a machine too loaded to
 * land kills cannot make the test run unbounded.
 */
class CrashTest {
    static final int KILLS = Integer.getInteger("storyc.crash.kills", 24);
    static final long SEED = Long.getLong("storyc.crash.seed", 20261130L);
    static final int RUNS_PER_KILL = 6;
    static final int LANES = 2;
    static final List<String> ENVIRONMENTS = List.of("production", "integration");

    @TempDir Path temp;

    @Test
    void aKilledCompileOrPushLeavesEveryRepositoryAtItsOldOrNewCommit() {
        long seed = SEED;
        System.out.println(
                "CrashTest: seed "
                        + seed
                        + " (replay with -Dstoryc.crash.seed="
                        + seed
                        + "), "
                        + KILLS
                        + " kills");
        List<CompletableFuture<Lane.Report>> lanes = new ArrayList<>();
        for (int i = 0; i < LANES; i++) {
            Lane lane = new Lane(temp.resolve("lane-" + i), new Random(seed + i), KILLS / LANES,
                    i == 1);
            lanes.add(CompletableFuture.supplyAsync(lane::run));
        }
        List<Lane.Report> reports = lanes.stream().map(CompletableFuture::join).toList();

        int kills = reports.stream().mapToInt(Lane.Report::kills).sum();
        System.out.println("CrashTest: seed " + seed + ", " + reports);
        assertThat(kills)
                .as("SIGKILLs delivered (seed %d): %s", seed, reports)
                .isGreaterThanOrEqualTo(KILLS / 2);
    }

    /** One workspace, its output repositories and one remote, killed again and again. */
    static final class Lane {
        record Report(
                int kills,
                int runs,
                int locksExplained,
                long compileMillis,
                long pushMillis,
                long elapsedMillis) {}

        private final Path dir;
        private final Random random;
        private final int kills;
        private final Path workspace;
        private final Path remote;
        private final String originalDeploy;
        private final Map<Integer, Map<String, String>> expectedTrees = new HashMap<>();
        private final boolean switchesLayout;

        /**
         * @param switchesLayout whether each compile keeps or drops the working trees at random,
         *     so that kills land in the switches between the two too
         */
        Lane(Path dir, Random random, int kills, boolean switchesLayout) {
            this.switchesLayout = switchesLayout;
            this.dir = dir;
            this.random = random;
            this.kills = kills;
            this.workspace = Checkout.copyExampleWorkspace(dir.resolve("workspace"));
            this.remote = GitServers.bareRepository(dir.resolve("remote.git"));
            Workspaces.setRemote(workspace, "production", GitServers.fileUrl(remote));
            Workspaces.setRemote(
                    workspace,
                    "integration",
                    GitServers.fileUrl(remote).replace("remote.git", "remote-int.git"));
            GitServers.bareRepository(dir.resolve("remote-int.git"));
            this.originalDeploy = Checkout.read(deploySql());
        }

        Report run() {
            for (int state = 0; state < 2; state++) {
                setState(state);
                Path scratch = dir.resolve("expected-" + state);
                Storyc.Outcome outcome =
                        Storyc.run(workspace, compileArgs("--out", scratch.toString()));
                assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
                Map<String, String> trees = new HashMap<>();
                for (String environment : ENVIRONMENTS) {
                    trees.put(
                            environment,
                            GitCli.git(scratch.resolve(environment), "rev-parse", "main^{tree}"));
                }
                expectedTrees.put(state, trees);
            }
            long started = System.nanoTime();
            long compileMillis = timed(compileArgs());
            long pushMillis = timed(pushArgs());
            int delivered = 0;
            int runs = 0;
            int locksExplained = 0;
            int state = 0;
            while (delivered < kills && runs < kills * RUNS_PER_KILL) {
                boolean push = runs % 3 == 2;
                if (!push) {
                    state = 1 - state;
                    setState(state);
                }
                Map<String, Optional<String>> localBefore = localHeads();
                Map<String, Optional<String>> remoteBefore = remoteHeads();
                StorycProcess process =
                        StorycProcess.start(
                                workspace,
                                dir.resolve("logs"),
                                Map.of("CI", "true"),
                                push ? pushArgs() : compileArgs(layout()));
                sleep(delay(push ? pushMillis : compileMillis));
                runs++;
                if (process.isAlive()) {
                    process.kill();
                    delivered++;
                } else {
                    Storyc.Outcome outcome = process.await(60);
                    assertThat(outcome.exitCode()).as(outcome.toString()).isIn(0, 3);
                }
                assertOldOrNew(
                        localBefore, remoteBefore, push ? Optional.empty() : Optional.of(state));
                if (!lockFiles().isEmpty()) {
                    locksExplained += explainAndClearLocks(push);
                }
            }
            assertConverges();
            return new Report(
                    delivered,
                    runs,
                    locksExplained,
                    compileMillis,
                    pushMillis,
                    (System.nanoTime() - started) / 1_000_000);
        }

        /**
         * Each local repository at its old head or at one new compile of the current state; each
         * remote at its old head or the local one.
         */
        private void assertOldOrNew(
                Map<String, Optional<String>> localBefore,
                Map<String, Optional<String>> remoteBefore,
                Optional<Integer> compiledState) {
            for (String environment : ENVIRONMENTS) {
                Path local = workspace.resolve("out").resolve(environment);
                if (Files.isDirectory(local.resolve(".git"))) {
                    assertFsckClean(local);
                }
                Optional<String> before = localBefore.get(environment);
                Optional<String> after = head(local);
                if (!after.equals(before)) {
                    assertThat(compiledState)
                            .as("only a compile moves %s's local branch", environment)
                            .isPresent();
                    String parents = GitCli.git(local, "log", "-1", "--format=%P", "main");
                    assertThat(parents)
                            .as("%s: the new commit sits on the old one", environment)
                            .isEqualTo(before.orElse(""));
                    assertThat(GitCli.git(local, "rev-parse", "main^{tree}"))
                            .as("%s: the new commit is whole", environment)
                            .isEqualTo(expectedTrees.get(compiledState.get()).get(environment));
                }
                Path remoteRepo = remoteOf(environment);
                assertFsckClean(remoteRepo);
                Optional<String> remoteAfter = head(remoteRepo);
                if (!remoteAfter.equals(remoteBefore.get(environment))) {
                    assertThat(remoteAfter)
                            .as("%s: the remote moved only to what was pushed", environment)
                            .isEqualTo(after);
                }
            }
        }

        /**
         * A kill at the instant a lock was held leaves the lock behind. In a local repository the
         * killed run's registration proves its writer dead, so the next run removes the lock at
         * once and succeeds. A lock in the remote, which storyc does not own, must be explained
         * (exit 3 naming the file); then it is removed, as the explanation tells a person to do.
         */
        private int explainAndClearLocks(boolean push) {
            List<Path> locks = lockFiles();
            boolean remoteLocked =
                    locks.stream()
                            .anyMatch(
                                    lock ->
                                            lock.startsWith(remote)
                                                    || lock.startsWith(remoteOf("integration")));
            Storyc.Outcome next =
                    StorycProcess.start(
                                    workspace,
                                    dir.resolve("logs"),
                                    Map.of("CI", "true"),
                                    push ? pushArgs() : compileArgs())
                            .await(120);
            if (remoteLocked) {
                assertThat(next.exitCode()).as(next.toString()).isIn(0, 3);
            } else {
                assertThat(next.exitCode())
                        .as("a killed run's local locks are recovered at once: %s", next)
                        .isZero();
                assertThat(lockFiles()).as("locks left after the next run").isEmpty();
            }
            if (next.exitCode() == 3) {
                assertThat(next.stderr()).as(next.toString()).contains(".lock`").contains("old");
            }
            for (Path lock : locks) {
                try {
                    Files.deleteIfExists(lock);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return locks.size();
        }

        private void assertConverges() {
            Storyc.Outcome compile =
                    StorycProcess.start(workspace, dir.resolve("logs"), Map.of(), compileArgs())
                            .await(120);
            assertThat(compile.exitCode()).as(compile.toString()).isZero();
            Storyc.Outcome push =
                    StorycProcess.start(workspace, dir.resolve("logs"), Map.of(), pushArgs())
                            .await(120);
            assertThat(push.exitCode()).as(push.toString()).isZero();
            for (String environment : ENVIRONMENTS) {
                Path local = workspace.resolve("out").resolve(environment);
                assertThat(head(remoteOf(environment))).isEqualTo(head(local));
                assertThat(GitCli.git(local, "status", "--porcelain"))
                        .as("working tree refreshed")
                        .isEmpty();
                assertFsckClean(local);
                assertFsckClean(remoteOf(environment));
            }
        }

        /** Returns the working tree option of a compile in the kill loop. */
        private String layout() {
            if (!switchesLayout) {
                return "--working-tree";
            }
            return random.nextBoolean() ? "--no-working-tree" : "--working-tree";
        }

        private long delay(long typicalMillis) {
            // Half the kills anywhere in the run, half in its last 40%, where the writing happens.
            double fraction =
                    random.nextBoolean() ? random.nextDouble() : 0.6 + 0.4 * random.nextDouble();
            return (long) (typicalMillis * 1.1 * fraction);
        }

        private long timed(String[] args) {
            long start = System.nanoTime();
            Storyc.Outcome outcome =
                    StorycProcess.start(workspace, dir.resolve("logs"), Map.of("CI", "true"), args)
                            .await(120);
            assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
            return (System.nanoTime() - start) / 1_000_000;
        }

        private List<Path> lockFiles() {
            List<Path> locks = new ArrayList<>();
            List<Path> gitDirs = new ArrayList<>(List.of(remote, remoteOf("integration")));
            ENVIRONMENTS.forEach(
                    e -> gitDirs.add(workspace.resolve("out").resolve(e).resolve(".git")));
            // Only git folders: the output tree itself holds a file named storyc.lock.
            for (Path root : gitDirs) {
                if (!Files.exists(root)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.getFileName().toString().endsWith(".lock"))
                            .forEach(locks::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return locks;
        }

        private Map<String, Optional<String>> localHeads() {
            Map<String, Optional<String>> heads = new HashMap<>();
            ENVIRONMENTS.forEach(e -> heads.put(e, head(workspace.resolve("out").resolve(e))));
            return heads;
        }

        private Map<String, Optional<String>> remoteHeads() {
            Map<String, Optional<String>> heads = new HashMap<>();
            ENVIRONMENTS.forEach(e -> heads.put(e, head(remoteOf(e))));
            return heads;
        }

        private Path remoteOf(String environment) {
            return environment.equals("production") ? remote : dir.resolve("remote-int.git");
        }

        private static Optional<String> head(Path repository) {
            if (!Files.exists(repository)) {
                return Optional.empty();
            }
            GitCli.Run run =
                    GitCli.run(repository, "rev-parse", "--verify", "-q", "refs/heads/main");
            return run.exitCode() == 0 ? Optional.of(run.stdout().strip()) : Optional.empty();
        }

        private static void assertFsckClean(Path repository) {
            GitCli.Run fsck = GitCli.run(repository, "fsck", "--full", "--no-dangling");
            assertThat(fsck.exitCode())
                    .as("git fsck --full in %s: %s", repository, fsck.stderr())
                    .isZero();
        }

        private void setState(int state) {
            Checkout.write(deploySql(), originalDeploy + "\n-- crash test state " + state + "\n");
        }

        private Path deploySql() {
            return workspace.resolve("stories/patients/schema/deploy.sql");
        }

        private static String[] compileArgs(String... extra) {
            List<String> args = new ArrayList<>(List.of("compile"));
            ENVIRONMENTS.forEach(e -> args.addAll(List.of("--env", e)));
            args.addAll(List.of(extra));
            return args.toArray(String[]::new);
        }

        private static String[] pushArgs() {
            List<String> args = new ArrayList<>(List.of("push"));
            ENVIRONMENTS.forEach(e -> args.addAll(List.of("--env", e)));
            return args.toArray(String[]::new);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(Math.max(0, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return dir.getFileName().toString();
        }
    }
}
