package dev.storyc.cli;

import dev.storyc.config.Environment;
import java.nio.file.Path;

/** Where an environment's output repository lives on disk. */
final class OutputFolders {
    private OutputFolders() {}

    /**
     * Returns {@code <override>/<env>} when --out is given, else the environment's output.path, else
     * {@code <output setting>/<env>} (default {@code out}) in the workspace.
     */
    static Path of(Project project, Environment environment, Path override, String outputSetting) {
        if (override != null) {
            return override.toAbsolutePath().normalize().resolve(environment.name());
        }
        return environment.output().path()
                .map(path -> project.root().resolve(path).normalize())
                .orElse(project.root().resolve(outputSetting).normalize().resolve(environment.name()));
    }
}
