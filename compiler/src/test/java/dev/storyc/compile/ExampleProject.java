package dev.storyc.compile;

import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentResolver;
import dev.storyc.config.Evaluation;
import dev.storyc.config.ProcessValues;
import dev.storyc.diag.Result;
import dev.storyc.publish.GitContentIds;
import dev.storyc.testing.Checkout;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checkout's example workspace, loaded once and evaluated with no process variables. */
final class ExampleProject {
    static final Workspace WORKSPACE = load();
    static final Evaluation EVALUATION = evaluate();

    private ExampleProject() {}

    static ProjectCompiler.Inputs inputs() {
        return new ProjectCompiler.Inputs(WORKSPACE, EVALUATION.environments(),
                new GitContentIds(), "0.0.0-test", name -> Optional.empty());
    }

    static List<Environment> all() {
        return List.copyOf(EVALUATION.environments().all());
    }

    static Environment named(String name) {
        return all().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static Workspace load() {
        Result<Workspace> loaded = WorkspaceLoader.load(Checkout.root(), StdlibLoader.load());
        if (!loaded.ok()) {
            throw new IllegalStateException("the example workspace does not load: "
                    + loaded.diagnostics());
        }
        return loaded.get();
    }

    private static Evaluation evaluate() {
        Result<Evaluation> evaluation = EnvironmentResolver.evaluate(WORKSPACE,
                ProcessValues.ofEnvironment(Map.of()));
        if (!evaluation.ok()) {
            throw new IllegalStateException("the example environments do not evaluate: "
                    + evaluation.diagnostics());
        }
        return evaluation.get();
    }
}
