package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.settings.Setting;
import dev.storyc.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which environments a command works on: those named with {@code --env}, all with {@code --all},
 * or, by default, the current developer's {@code dev-<name>}.
 */
final class EnvironmentOptions {
    @Option(names = {"-e", "--env"}, paramLabel = "ENV", completionCandidates = NameCompletion.Environments.class,
            description = "An environment to work on; repeat for several. Default: dev-<developer>.")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Work on every environment.")
    boolean all;

    /** Returns the selected environments, or ends the command with a usage error. */
    List<Environment> select(Project project, Settings settings, Console console) {
        if (all && !names.isEmpty()) {
            console.failure("--all and --env cannot be used together", "pass either --all or one --env per environment");
            throw new CommandFailure(ExitCode.USAGE);
        }
        if (all) {
            return List.copyOf(project.environments().all());
        }
        List<String> wanted = names.isEmpty() ? List.of(defaultEnvironment(settings, console)) : names;
        List<Environment> selected = new ArrayList<>();
        for (String name : wanted) {
            Optional<Environment> environment = project.environments().find(name);
            if (environment.isEmpty() && names.isEmpty()) {
                String developer = name.substring("dev-".length());
                console.failure("your developer environment `" + name + "` is not defined in environments.toml",
                        "add `" + developer + " = {}` under [developers]; the developer name `" + developer
                                + "` comes from " + settings.get(Setting.DEVELOPER).orElseThrow().source());
                throw new CommandFailure(ExitCode.USAGE);
            }
            Environment found = environment.orElseGet(() -> EnvCommand.find(project, name, console));
            if (!selected.contains(found)) {
                selected.add(found);
            }
        }
        return selected;
    }

    /** Returns {@code dev-<developer>}, the developer coming from the settings stack. */
    private static String defaultEnvironment(Settings settings, Console console) {
        Optional<String> developer = settings.developer();
        if (developer.isEmpty()) {
            console.failure("no environment selected",
                    "pass --env ENV or --all, or name yourself with STORYC_DEVELOPER=<name>, -D developer=<name> or"
                            + " `developer = \"<name>\"` in ~/.config/storyc/config.toml to use dev-<name>");
            throw new CommandFailure(ExitCode.USAGE);
        }
        return "dev-" + developer.get();
    }
}
