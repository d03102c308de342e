package dev.storyc.workspace;

import dev.storyc.diag.SourceFile;

/**
 * An ImportedFile is what the loader found at a path that environments.toml imports. The loader
 * only reads; the config stage reports problems at the import's own line, where the user fixes them.
 */
public sealed interface ImportedFile {

    /** The file was read; {@code sha256} is the hex digest of its bytes, as `sha256sum` prints it. */
    record Loaded(SourceFile source, String sha256) implements ImportedFile {}

    /** Nothing is at the path. */
    record Missing() implements ImportedFile {}

    /** The path, or a link on it, leads outside the workspace; the file was not read. */
    record Escapes(String reason) implements ImportedFile {}

    /** The file exists but could not be read or decoded; the loader reported why. */
    record Unreadable(String reason) implements ImportedFile {}
}
