package dev.storyc.cli;

import dev.storyc.cache.CacheKey;
import dev.storyc.cache.CacheStore;
import dev.storyc.workspace.ManifestMemo;
import dev.storyc.workspace.StoryManifest;
import dev.storyc.workspace.StoryManifestCodec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The story manifests an earlier run of this workspace parsed, from one cache entry, for the
 * loader to take instead of parsing them again ({@link ManifestMemo}). The entry holds what the
 * last successful run used, so it keeps no manifest the workspace dropped, and is written again
 * only when that changed. Its key carries the build and the machine's salt, like every key of
 * {@link CachedReuse}; while the cache has no salt yet, nothing is read or written, and the next
 * run remembers.
 */
final class RememberedManifests implements ManifestMemo {
    private final CacheStore store;
    private final Optional<CacheKey> key;
    private final Map<String, StoryManifest> earlier;
    private final Map<String, StoryManifest> used = new ConcurrentHashMap<>();

    private RememberedManifests(CacheStore store, Optional<CacheKey> key,
            Map<String, StoryManifest> earlier) {
        this.store = store;
        this.key = key;
        this.earlier = earlier;
    }

    /**
     * Returns the manifests remembered for the workspace at {@code root}; with {@code lookUp}
     * false ({@code --no-cache}) none, though this run's are still remembered.
     */
    static RememberedManifests read(CacheStore store, Path root, boolean lookUp) {
        Optional<CacheKey> key = store.salt().map(salt -> CacheKey.of("story-manifests",
                CachedReuse.build(salt), root.toAbsolutePath().normalize().toString()));
        Map<String, StoryManifest> earlier = lookUp
                ? key.flatMap(store::get).flatMap(StoryManifestCodec::decode).map(Map::copyOf)
                        .orElse(Map.of())
                : Map.of();
        return new RememberedManifests(store, key, earlier);
    }

    @Override
    public Optional<StoryManifest> recall(String digest) {
        StoryManifest known = earlier.get(digest);
        if (known != null) {
            used.put(digest, known);
        }
        return Optional.ofNullable(known);
    }

    @Override
    public void remember(String digest, StoryManifest manifest) {
        used.put(digest, manifest);
    }

    /** Writes what this run used, once it has succeeded, if that differs from what it read. */
    void commit() {
        if (key.isPresent() && !used.equals(earlier)) {
            store.put(key.get(), StoryManifestCodec.encode(used));
        }
    }
}
