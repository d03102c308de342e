package dev.storyc.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the workspace a command runs in when no {@code --project} is given: the nearest
 * folder, from the current one upwards, that holds an {@code environments.toml}. This is how git
 * finds {@code .git} and dbt finds {@code dbt_project.yml}, so running storyc from
 * {@code stories/x/views} works the same as running it at the root.
 */
public final class WorkspaceDiscovery {
    /** The file that marks a folder as a storyc workspace. */
    public static final String MARKER = "environments.toml";

    private WorkspaceDiscovery() {}

    /** Returns the nearest folder at or above {@code start} that holds the marker file. */
    public static Optional<Path> find(Path start) {
        Path folder = start.toAbsolutePath().normalize();
        for (; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(MARKER))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }
}
