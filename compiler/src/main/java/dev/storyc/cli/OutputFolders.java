package dev.storyc.cli;

import dev.storyc.config.Environment;
import java.nio.file.Path;

/** Where an environment's output repository lives on disk. */
final class OutputFolders {
    private OutputFolders() {}

    /** Returns {@code out/<env>} under {@code override} if given, else the environment's output.path, else out/ in the workspace. */
    static Path of(Project project, Environment environment, Path override) {
        if (override != null) {
            return override.toAbsolutePath().normalize().resolve(environment.name());
        }
        return environment.output().path()
                .map(path -> project.root().resolve(path).normalize())
                .orElse(project.root().resolve("out").resolve(environment.name()));
    }
}
