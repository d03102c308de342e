package dev.storyc.bench;

import dev.storyc.diag.Position;
import dev.storyc.placement.OutputRoot;
import dev.storyc.placement.OutputTarget;
import dev.storyc.placement.Placement;
import dev.storyc.publish.BranchNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Times the placement rules over 12, 500, 2,000 and 10,000 environments, each with its own folder
 * (every fourth one an {@code output.path} two levels deep) and remote: {@code check --all} asks
 * them for every environment, so they must stay near-linear. Prints the median of several runs
 * per size and the time per environment.
 */
public final class PlacementBenchmark {
    static final int[] SIZES = {12, 500, 2_000, 10_000};
    static final int RUNS = 9;

    private PlacementBenchmark() {}

    public static void main(String[] args) {
        Path workspace = Path.of("/bench/workspace");
        OutputRoot root = new OutputRoot(workspace.resolve("out"), Position.ofFile("storyc.toml"), false);
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            check(workspace, root, targets(workspace, 2_000));
        }
        for (int size : SIZES) {
            List<OutputTarget> targets = targets(workspace, size);
            long[] times = new long[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                int found = check(workspace, root, targets);
                times[run] = System.nanoTime() - start;
                if (found != 0) {
                    throw new IllegalStateException(found + " diagnostics for a clean layout");
                }
            }
            java.util.Arrays.sort(times);
            long median = times[RUNS / 2];
            System.out.printf(Locale.ROOT, "placement: %6d environments  %8.2f ms  %6.2f us/environment%n",
                    size, median / 1e6, median / 1e3 / size);
        }
    }

    private static int check(Path workspace, OutputRoot root, List<OutputTarget> targets) {
        return Placement.check(workspace, root, targets, List.of("environments.toml"), BranchNames::isValid)
                .size();
    }

    private static List<OutputTarget> targets(Path workspace, int size) {
        List<OutputTarget> targets = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String name = "env-" + i;
            boolean written = i % 4 == 0;
            Path folder = workspace.resolve(written ? "out/group-" + (i % 16) + "/" + name : "out/" + name);
            Position at = Position.of("environments.toml", i + 1, 1);
            targets.add(new OutputTarget(name, folder, written, at,
                    Optional.of("https://git.example.com/acme/" + name + ".git"), at, "main", at));
        }
        return targets;
    }
}
