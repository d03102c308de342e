package dev.storyc.placement;

import dev.storyc.diag.Position;

import java.nio.file.Path;

/**
 * The folder that holds the output repositories, one folder per environment.
 *
 * @param folder absolute and normalised
 * @param setAt where it was set: a settings file's line, {@code command line}, or, for the default
 *     {@code out}, the workspace's environments.toml
 * @param explicit true only for {@code compile --out DIR}: the one way a person running storyc can
 *     put output outside the workspace. Settings never count, whichever layer sets them, because a
 *     committed storyc.toml (or a CI script in the same pull request) must not move writes
 *     elsewhere
 */
public record OutputRoot(Path folder, Position setAt, boolean explicit) {
    public OutputRoot {
        if (!folder.isAbsolute()) {
            throw new IllegalArgumentException("output root must be absolute: " + folder);
        }
        folder = folder.normalize();
    }
}
