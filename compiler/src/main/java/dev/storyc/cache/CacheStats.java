package dev.storyc.cache;

/**
 * What the cache holds now.
 *
 * @param entries how many intact-looking entries (their checksums are checked only when read)
 * @param bytes their size on disk
 * @param temporary leftovers of writes that a kill interrupted, never read, removed by eviction
 */
public record CacheStats(String root, long entries, long bytes, long temporary, long maxBytes) {}
