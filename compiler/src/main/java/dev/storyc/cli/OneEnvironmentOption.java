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

    /**
     * What the ETL commands act on: an environment's compiled output, and how to reach its
     * warehouse, from a workspace or from a checkout of the output itself ({@link OutputCheckout}).
     */
    record EtlSite(String name, CompiledOutput output, TargetReader target) {}

    /** Reads where the warehouse is when the command is about to connect. */
    interface TargetReader {
        dev.storyc.db.WarehouseTarget read(StorycCommand root, Console console);
    }

    /**
     * Opens what the ETL commands act on: the checkout storyc runs in, when it runs in a checkout of
     * an output repository (the schedules run jobs there), else as {@link #open} does.
     */
    EtlSite openForJobs(StorycCommand root, Console console) {
        java.util.Optional<java.nio.file.Path> checkout = root.outputCheckout();
        if (checkout.isPresent()) {
            return OutputCheckout.open(checkout.get(), name, root, console);
        }
        Deployed deployed = open(root, console);
        return new EtlSite(deployed.environment().name(), deployed.output(),
                (command, shown) -> Warehouses.target(command, deployed.environment(), shown));
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
