package dev.storyc.cli;

import dev.storyc.check.Checks;
import dev.storyc.compile.EnvironmentCompiler;
import dev.storyc.config.Environment;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Result;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.publish.GitContentIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compiles the selected environments in memory and prints every problem. Nothing is written here:
 * check stops after this, and compile publishes only when every environment compiled cleanly.
 */
final class Compilation {
    private Compilation() {}

    record Compiled(EnvironmentCompiler compiler, List<CompiledEnvironment> environments) {}

    /**
     * @param processEnvironment the variables secrets are read from, so the secret check can find
     *     their values in outputs
     */
    static Compiled run(Project project, List<Environment> environments, Function<String, Optional<String>> processEnvironment,
            Console console) {
        EnvironmentCompiler compiler = new EnvironmentCompiler(project.workspace(), new GitContentIds(), Version.number(),
                project.environments(), processEnvironment);
        List<CompiledEnvironment> compiled = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        boolean failed = false;
        for (Environment environment : environments) {
            Result<CompiledEnvironment> result = compiler.compile(environment);
            diagnostics.addAll(result.diagnostics());
            if (result.ok()) {
                compiled.add(result.get());
            } else {
                failed = true;
            }
        }
        console.mask(Checks.secretValues(project.environments(), processEnvironment));
        console.diagnostics(diagnostics, project.workspace().allSources());
        if (failed) {
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        return new Compiled(compiler, compiled);
    }
}
