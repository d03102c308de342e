package dev.storyc.cli;

import dev.storyc.cache.CacheSize;
import dev.storyc.cache.CacheStore;
import dev.storyc.settings.Settings;
import java.nio.file.Path;

/** Where a workspace's cache lives and how large it may grow: {@code .storyc/cache}, capped by a setting. */
final class WorkspaceCache {
    /** The cache folder, relative to the workspace root; {@code .storyc} ignores itself in git. */
    static final String FOLDER = ".storyc/cache";

    private WorkspaceCache() {}

    /** Returns the workspace's cache store. The setting's spelling is validated when settings load. */
    static CacheStore of(Path workspaceRoot, Settings settings) {
        long max = settings.cacheMaxSize().flatMap(CacheSize::parse).orElse(CacheSize.DEFAULT_BYTES);
        return new CacheStore(workspaceRoot.resolve(FOLDER), max);
    }
}
