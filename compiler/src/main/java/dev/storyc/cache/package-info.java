/**
 * The workspace's local cache, {@code .storyc/cache}: what earlier runs proved about their inputs,
 * so that a run whose inputs are unchanged can skip the work. Keys are content addresses ({@link
 * dev.storyc.cache.CacheKey}), entries carry a checksum ({@link dev.storyc.cache.CacheEntry}) and a
 * corrupt one counts as missing. {@link dev.storyc.cache.CacheStore} is the only class that touches
 * the disk: it writes each entry under a temporary name and renames it into place, so a killed or
 * concurrent run never leaves an entry half-written, and it evicts the least recently used entries
 * above a size cap.
 */
package dev.storyc.cache;
