package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentViews;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code storyc env show E}: an environment's resolved values; secrets show as their reference. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show an environment's resolved values: extends merged, references and defaults filled in.",
                "Secrets show as their reference, such as \"$${env:PGPASSWORD}\", never as a value."})
final class EnvShowCommand implements Callable<Integer> {
    @ParentCommand
    EnvCommand env;

    @Parameters(paramLabel = "ENV", completionCandidates = NameCompletion.Environments.class, description = "The environment.")
    String name;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--normal-form", description = "Print the normal form, whose sha256 is the environment's hash.")
        boolean normalForm;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;
    }

    @Override
    public Integer call() {
        Console console = env.root.console();
        if (format.json) {
            console.owe(dev.storyc.diag.JsonRenderer::render);
        }
        Project project = env.root.openProject(console);
        Environment environment = EnvCommand.find(project, name, console);
        if (format.normalForm) {
            console.out().print(environment.normalForm());
        } else if (format.json) {
            console.out().print(EnvironmentViews.json(environment.values()));
        } else {
            console.out().println("# " + environment.name() + "  " + environment.hash());
            console.out().print(EnvironmentViews.toml(environment.values()));
        }
        console.out().flush();
        return ExitCode.OK;
    }
}
