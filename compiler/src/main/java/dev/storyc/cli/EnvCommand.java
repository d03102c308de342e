package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.diag.Spelling;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code storyc env}: inspect environments. */
@Command(name = "env", mixinStandardHelpOptions = true, description = "Inspect environments.",
        subcommands = {EnvCommand.ListEnvironments.class, EnvShowCommand.class, EnvHashCommand.class,
                EnvDiffCommand.class, EnvExplainCommand.class, EnvFreezeCommand.class, EnvSchemaCommand.class})
final class EnvCommand extends CommandGroup {

    /** Returns the named environment, or ends the command with a usage error and a suggestion. */
    static Environment find(Project project, String name, Console console) {
        Optional<Environment> environment = project.environments().find(name);
        if (environment.isEmpty()) {
            console.failure("environment `" + name + "` is not defined in environments.toml",
                    Spelling.didYouMean(name, project.environments().names())
                            .orElse("the environments are " + String.join(", ", project.environments().names())));
            throw new CommandFailure(ExitCode.USAGE);
        }
        return environment.get();
    }

    /** {@code storyc env list}: one line per environment. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List environments with their kind, release and Looker connection.")
    static final class ListEnvironments implements Callable<Integer> {
        @ParentCommand
        EnvCommand env;

        @picocli.CommandLine.Mixin
        ListingFormatOption output;

        @Override
        public Integer call() {
            Console console = output.console(env.root);
            Project project = env.root.openProject();
            if (output.json()) {
                console.out().print(
                        dev.storyc.site.Listings.environments(project.environments().all()));
                return ExitCode.OK;
            }
            console.out().printf("%-16s %-12s %-10s %-28s %s%n", "ENVIRONMENT", "KIND", "RELEASE", "CONNECTION", "HASH");
            for (Environment environment : project.environments().all()) {
                console.out().printf("%-16s %-12s %-10s %-28s %s%n", environment.name(), environment.kind().spelling(),
                        environment.release(), environment.connection(), environment.hash().substring(0, 19));
            }
            return ExitCode.OK;
        }
    }
}
