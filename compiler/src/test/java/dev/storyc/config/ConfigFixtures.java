package dev.storyc.config;

import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Result;
import dev.storyc.testing.Checkout;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds throwaway workspaces around an environments.toml, with the shared files that imports use
 * and a link that leads outside, then evaluates them the way the CLI does: loader, then config stage.
 */
final class ConfigFixtures {
    /** The canary value of every variable the fixtures read; no diagnostic may ever contain it. */
    static final String CANARY = "canary-7f3a9c";
    static final ProcessValues PROCESS = ProcessValues.of(
            Map.of("PGPASSWORD", CANARY, "STORYC_TEST_WAREHOUSE_PASSWORD", CANARY,
                    "STORYC_PROD_WAREHOUSE_PASSWORD", CANARY, "REGION", "eu-west-1"),
            Map.of("user.name", "tester"));
    static final Path CONFIG = Checkout.root().resolve("compiler/src/test/resources/config");

    private ConfigFixtures() {}

    /** Writes a workspace holding {@code environments} and the shared import fixtures; returns its root. */
    static Path workspace(Path temp, byte[] environments) {
        try {
            Path root = temp.resolve("workspace");
            Files.createDirectories(root);
            Files.write(root.resolve("environments.toml"), environments);
            Checkout.copy(CONFIG.resolve("shared"), root.resolve("shared"));
            Path outside = Checkout.write(temp.resolve("outside.toml"), "[bases.outside]\nmodel = \"x\"\n");
            Files.createSymbolicLink(root.resolve("shared/escape.toml"), outside);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads and evaluates a workspace; returns every diagnostic of both stages, in print order. */
    static List<Diagnostic> diagnostics(Path root) {
        return evaluate(root).diagnostics();
    }

    /** Loads and evaluates a workspace, keeping the loader's diagnostics in front of the stage's. */
    static Result<Evaluation> evaluate(Path root) {
        Result<Workspace> loaded = WorkspaceLoader.load(root, StdlibLoader.load());
        if (loaded.value().isEmpty() || loaded.get().environments().isEmpty()) {
            return Result.failed(loaded.diagnostics());
        }
        Result<Evaluation> evaluated = EnvironmentResolver.evaluate(loaded.get(), PROCESS);
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        all.addAll(evaluated.diagnostics());
        return new Result<>(loaded.ok() ? evaluated.value() : java.util.Optional.empty(), all);
    }
}
