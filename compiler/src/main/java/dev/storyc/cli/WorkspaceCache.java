package dev.storyc.cli;

import dev.storyc.cache.CacheSize;
import dev.storyc.cache.CacheStore;
import dev.storyc.settings.Settings;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a workspace's cache lives and how large it may grow: {@code .storyc/cache}, capped by a
 * setting.
 */
final class WorkspaceCache {
    /** The cache folder, relative to the workspace root; {@code .storyc} ignores itself in git. */
    static final String FOLDER = ".storyc/cache";

    private WorkspaceCache() {}

    /**
     * Returns the workspace's cache store, salted from the user's cache folder ({@code
     * $XDG_CACHE_HOME/storyc/salt}, else {@code ~/.cache/storyc/salt}), never from the workspace.
     * The setting's spelling is validated when settings load.
     */
    static CacheStore of(
            Path workspaceRoot, Settings settings, Function<String, Optional<String>> environment) {
        long max =
                settings.cacheMaxSize().flatMap(CacheSize::parse).orElse(CacheSize.DEFAULT_BYTES);
        Path userCache =
                environment
                        .apply("XDG_CACHE_HOME")
                        .filter(v -> !v.isBlank())
                        .map(Path::of)
                        .filter(Path::isAbsolute)
                        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache"));
        return new CacheStore(
                workspaceRoot.resolve(FOLDER), max, userCache.resolve("storyc").resolve("salt"));
    }
}
