package dev.storyc.workspace;

import java.util.List;

/**
 * The entries at a workspace's top level that {@link WorkspaceLoader} reads; with
 * environments.toml's imports, everything it reads, and so everything {@link InputStamps} stamps.
 * Kept apart from the loader so that stamping loads none of the parsing classes.
 */
final class TopLevelEntries {
    /** The files a load reads when they are there. */
    static final List<String> FILES = List.of("environments.toml", "storyc.toml");

    /** The folders whose files, at any depth, a load reads. */
    static final List<String> FOLDERS = List.of("releases", "partials", "model", "stories");

    private TopLevelEntries() {}
}
