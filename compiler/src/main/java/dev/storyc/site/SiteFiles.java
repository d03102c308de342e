package dev.storyc.site;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of a rendered site, by path relative to the site's root, in path order. Paths use
 * {@code /} and never leave the root, so the edge that writes them needs no checks of its own.
 */
public record SiteFiles(SortedMap<String, byte[]> files) {
    public SiteFiles {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** Returns a file's text, for tests. */
    public String text(String path) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new IllegalArgumentException("the site has no file " + path);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Returns the total size in bytes. */
    public long size() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }
}
