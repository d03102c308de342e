package dev.storyc.placement;

import dev.storyc.diag.Position;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One environment's output repository as configured: its folder, remote and branch, each with the
 * place it was set, so that every rule can point at the line to change.
 *
 * @param folder absolute and normalised
 * @param fromOutputPath true when environments.toml's {@code output.path} chose the folder, false
 *     when it is {@code <output root>/<environment>}
 * @param folderAt the {@code output.path} value, else the environment's table (or the command line
 *     for {@code --out})
 */
public record OutputTarget(
        String environment,
        Path folder,
        boolean fromOutputPath,
        Position folderAt,
        Optional<String> remote,
        Position remoteAt,
        String branch,
        Position branchAt) {
    public OutputTarget {
        if (!folder.isAbsolute()) {
            throw new IllegalArgumentException("output folder must be absolute: " + folder);
        }
        folder = folder.normalize();
    }
}
