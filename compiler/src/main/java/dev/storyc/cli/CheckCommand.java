package dev.storyc.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code storyc check}: compiles in memory and reports problems; writes nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check environments for errors without writing anything.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    StorycCommand root;

    @Mixin
    EnvironmentOptions environments;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "How to print diagnostics: ${COMPLETION-CANDIDATES}. json and sarif go to stdout,"
                    + " everything else to stderr. Default: ${DEFAULT-VALUE}.")
    DiagnosticFormat format = DiagnosticFormat.text;

    @Override
    public Integer call() {
        Console console = root.console(format);
        Project project = root.openProject(console);
        var selected = environments.select(project, root.settings(), console);
        var compiled = Compilation.run(project, selected,
                name -> Optional.ofNullable(root.processEnvironment().get(name)), console);
        for (var environment : compiled.environments()) {
            console.result(String.format("ok  %-16s %-10s %d stories", environment.environment().name(),
                    environment.selection().releaseName(), environment.selection().stories().size()));
        }
        return ExitCode.OK;
    }
}
