package dev.storyc.workspace;

import java.util.Optional;

/**
 * Remembers parsed story manifests across runs, by a digest of each {@code story.toml}'s path and
 * text: a manifest that did not change since an earlier run is taken from there rather than parsed
 * again. tomlj on a cold JVM took about 180 ms for the 1,000 manifests of the synthetic workspace,
 * most of a load that reads 9,000 files. The loader stays free of the cache; the CLI decides where
 * manifests are kept ({@code cache}). Only manifests that parsed without a diagnostic are
 * remembered, so a recalled one has nothing to report.
 */
public interface ManifestMemo {
    /** Remembers nothing: every manifest is parsed. */
    ManifestMemo NONE = new ManifestMemo() {
        @Override
        public Optional<StoryManifest> recall(String key) {
            return Optional.empty();
        }

        @Override
        public void remember(String key, StoryManifest manifest) {}
    };

    /** Returns the manifest remembered under {@code key}, if any. */
    Optional<StoryManifest> recall(String key);

    /** Remembers {@code manifest}, which parsed without a diagnostic from what {@code key} digests. */
    void remember(String key, StoryManifest manifest);
}
