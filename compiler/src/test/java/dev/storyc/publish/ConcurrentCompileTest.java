package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.StorycProcess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Several {@code storyc compile} processes of one workspace at once, into repositories none of them
 * has created yet. Whatever the interleaving, each repository ends with one commit, every run exits
 * 0 (a run that finds its identical tree already committed has nothing left to do), and the working
 * tree shows the branch.
 */
class ConcurrentCompileTest {
    static final int RUNS = 6;
    static final List<String> ENVIRONMENTS = List.of("production", "integration");

    @TempDir Path temp;

    @Test
    void runsThatCompileTheSameTreeAllSucceedWithOneCommit() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        List<String> args = new ArrayList<>(List.of("compile"));
        ENVIRONMENTS.forEach(environment -> args.addAll(List.of("--env", environment)));

        List<StorycProcess> processes = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            processes.add(
                    StorycProcess.start(
                            workspace,
                            temp.resolve("logs"),
                            Map.of("CI", "true"),
                            args.toArray(String[]::new)));
        }
        List<Storyc.Outcome> outcomes = processes.stream().map(p -> p.await(180)).toList();

        for (Storyc.Outcome outcome : outcomes) {
            assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
            assertThat(outcome.stdout()).contains("2 environments compiled");
        }
        for (String environment : ENVIRONMENTS) {
            Path repository = workspace.resolve("out").resolve(environment);
            assertThat(git(repository, "rev-list", "--count", "main"))
                    .as(environment)
                    .isEqualTo("1");
            assertThat(GitCli.run(repository, "fsck", "--full", "--strict").exitCode()).isZero();
        }
        Storyc.Outcome again = Storyc.run(workspace, args.toArray(String[]::new));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).contains("2 environments compiled, 0 committed");
        for (String environment : ENVIRONMENTS) {
            assertThat(git(workspace.resolve("out").resolve(environment), "status", "--porcelain"))
                    .isEmpty();
        }
    }
}
