package dev.storyc.cli;

import dev.storyc.workspace.WorkspaceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code storyc version [--check]}: which storyc this is, and whether the workspace accepts it. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = {"Print storyc's version and the Java it runs on.",
                "With --check, also check it against the workspace's required_version"
                        + " (storyc.toml)."})
final class VersionCommand implements Callable<Integer> {
    @ParentCommand
    StorycCommand root;

    @Option(names = "--check",
            description = "Exit 1 when this storyc is not in the workspace's required_version"
                    + " range.")
    boolean check;

    @Override
    public Integer call() {
        Console console = root.console();
        for (String line : new Version().getVersion()) {
            console.result(line);
        }
        if (check) {
            // Outside a workspace there is nothing to check against, and passing there made a CI
            // step with the wrong working directory a silent no-op (round 20).
            Path workspace = root.projectRoot();
            if (!Files.isRegularFile(workspace.resolve("environments.toml"))) {
                console.diagnostics(List.of(WorkspaceLoader.notAWorkspace(workspace)), List.of());
                return ExitCode.PROJECT_ERRORS;
            }
            root.requireVersion(console);
            console.result(root.settings().get(dev.storyc.settings.Setting.REQUIRED_VERSION)
                    .map(v -> "satisfies required_version " + v.value().strip() + " (" + v.source()
                            + ")")
                    .orElse("the workspace sets no required_version"));
        }
        return ExitCode.OK;
    }
}
