package dev.storyc.cli;

import dev.storyc.config.Environment;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --env} and {@code --out} options of the commands that act on one environment's
 * deployed warehouse: etl, test and validate.
 */
final class OneEnvironmentOption {
    @Option(
            names = {"-e", "--env"},
            paramLabel = "ENV",
            completionCandidates = NameCompletion.Environments.class,
            description = "The environment whose warehouse to work on. Default: dev-<developer>.")
    String name;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Where the output repositories are, as given to compile --out. Default: the"
                        + " output setting (out).")
    Path out;

    /** The selected environment and the output compile committed for it. */
    record Deployed(Environment environment, CompiledOutput output) {}

    /**
     * Opens the workspace, selects the environment and reads its compiled output: what etl, test
     * and validate all start with. Ends the command when any of the three fails.
     */
    Deployed open(StorycCommand root, Console console) {
        Project project = root.openProject(console);
        Environment selected = select(project, root, console);
        console.context("environment", selected.name());
        return new Deployed(selected, CompiledOutput.read(root, project, selected, out, console));
    }

    /** Returns the environment, or ends the command with a usage error. */
    Environment select(Project project, StorycCommand root, Console console) {
        EnvironmentOptions options = new EnvironmentOptions();
        options.names =
                name == null
                        ? new java.util.ArrayList<>()
                        : new java.util.ArrayList<>(List.of(name));
        return options.select(project, root.settings(), console).get(0);
    }
}
