package dev.storyc.workspace;

import dev.storyc.diag.ValueBytes;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Story manifests, each under its key, as bytes and back ({@link ValueBytes}): the payload of the
 * cache entry that holds what a run's {@link ManifestMemo} used. The layout is a walk of {@link
 * StoryManifest}'s components; the cache keys the entry by the compiler's build, so bytes of
 * another layout are never read, and {@link #decode} returns empty for anything that does not
 * decode to its end.
 */
public final class StoryManifestCodec {
    private static final int MAGIC = 0x53534d31; // "SSM1"

    private StoryManifestCodec() {}

    /** Returns {@code manifests} as bytes, in key order. */
    public static byte[] encode(Map<String, StoryManifest> manifests) {
        ValueBytes.Writer out = new ValueBytes.Writer();
        out.integer(MAGIC);
        out.integer(manifests.size());
        new TreeMap<>(manifests).forEach((key, manifest) -> {
            out.string(key);
            out.string(manifest.title());
            out.optional(manifest.owner(), out::string);
            out.optional(manifest.ticket(), out::string);
            out.optional(manifest.description(), out::string);
            out.list(manifest.requires(), requirement -> {
                out.string(requirement.story().value());
                out.position(requirement.position());
            });
        });
        return out.bytes();
    }

    /** Returns the manifests {@code bytes} hold, or empty when they are not what {@link #encode} wrote. */
    public static Optional<SortedMap<String, StoryManifest>> decode(byte[] bytes) {
        ValueBytes.Reader in = new ValueBytes.Reader(bytes);
        try {
            if (in.integer() != MAGIC) {
                return Optional.empty();
            }
            SortedMap<String, StoryManifest> manifests = new TreeMap<>();
            int count = in.integer();
            for (int i = 0; i < count; i++) {
                manifests.put(in.string(), new StoryManifest(in.string(), in.optional(in::string),
                        in.optional(in::string), in.optional(in::string),
                        in.list(() -> new StoryManifest.Requirement(new StoryId(in.string()),
                                in.position()))));
            }
            return in.atEnd() ? Optional.of(manifests) : Optional.empty();
        } catch (RuntimeException e) {
            // A short buffer, an index out of range, an invalid story id: not an encoding.
            return Optional.empty();
        }
    }
}
