package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.GitServers;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.StorycProcess;
import dev.storyc.testing.Workspaces;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Four {@code storyc ci} processes compile four different source states and push to the same
 * remotes at once, two over file:// and two through git daemon. Every run ends cleanly, every
 * remote passes fsck, and each remote's history is linear and holds each run's compile exactly
 * once.
 *
 * <p>Only outcomes that hold whatever the interleaving are asserted: on a loaded machine the runs
 * may well take turns instead of racing, and that must pass too. How often they did race (pushes
 * retried on a newer remote head) is printed, for whoever wants to know what was exercised.
 */
class ConcurrentCiTest {
    static final int RUNS = 4;
    static final List<String> SHARED =
            List.of("production", "acceptance-1", "acceptance-2", "integration");

    @TempDir Path temp;

    @Test
    void concurrentRunsLoseNoCompileAndDuplicateNone() {
        Path base = temp.resolve("remotes");
        Map<String, Path> remotes = new HashMap<>();
        for (String environment : SHARED) {
            remotes.put(environment, GitServers.bareRepository(base.resolve(environment + ".git")));
        }
        try (GitServers.Server daemon = GitServers.gitDaemon(base)) {
            List<Path> workspaces = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Path workspace = Checkout.copyExampleWorkspace(temp.resolve("run-" + run));
                for (String environment : SHARED) {
                    // acceptance-* through git daemon, production over file://, and integration
                    // both ways.
                    boolean viaDaemon =
                            environment.startsWith("acceptance")
                                    || (environment.equals("integration") && run % 2 == 0);
                    String url =
                            viaDaemon
                                    ? daemon.url(environment + ".git")
                                    : GitServers.fileUrl(remotes.get(environment));
                    Workspaces.setRemote(workspace, environment, url);
                }
                Workspaces.changeSource(workspace, "source state " + run);
                workspaces.add(workspace);
            }

            List<StorycProcess> processes = new ArrayList<>();
            for (Path workspace : workspaces) {
                processes.add(
                        StorycProcess.start(
                                workspace,
                                temp.resolve("logs"),
                                Map.of("CI", "true"),
                                "ci",
                                "--jobs",
                                "2"));
            }
            List<Storyc.Outcome> outcomes = processes.stream().map(p -> p.await(180)).toList();

            for (Storyc.Outcome outcome : outcomes) {
                assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
                assertThat(outcome.stdout()).contains("4 environments compiled, 0 failed");
                assertThat(outcome.stderr()).doesNotContain("internal error");
            }
            for (String environment : SHARED) {
                Path remote = remotes.get(environment);
                assertThat(GitCli.run(remote, "fsck", "--full", "--strict").exitCode()).isZero();
                List<String> history =
                        git(remote, "log", "--format=%T %P", "main").lines().toList();
                assertThat(history)
                        .as("linear history for %s", environment)
                        .allSatisfy(
                                line -> assertThat(line.split(" ")).hasSizeLessThanOrEqualTo(2));
                List<String> trees = history.stream().map(line -> line.split(" ")[0]).toList();
                List<String> compiled =
                        workspaces.stream()
                                .map(
                                        w ->
                                                git(
                                                        w.resolve("out").resolve(environment),
                                                        "rev-parse",
                                                        "main^{tree}"))
                                .toList();
                assertThat(trees)
                        .as("every run's %s compile, once each", environment)
                        .containsExactlyInAnyOrderElementsOf(compiled);
                assertThat(
                                git(
                                                remote,
                                                "log",
                                                "--format=%(trailers:key=Storyc-Env-Hash,valueonly)",
                                                "main")
                                        .lines()
                                        .filter(line -> !line.isBlank())
                                        .count())
                        .isEqualTo(RUNS);
            }
            System.out.println(
                    "ConcurrentCiTest: " + retries() + " pushes retried on a newer remote head");
        }
    }

    private long retries() {
        try (var logs = Files.list(temp.resolve("logs"))) {
            return logs.filter(
                            log ->
                                    Checkout.read(log).contains("another run pushed first")
                                            || Checkout.read(log).contains("yes, after"))
                    .count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
