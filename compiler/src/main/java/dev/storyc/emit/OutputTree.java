package dev.storyc.emit;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An OutputTree is the whole content of one environment's output repository, held in memory and
 * sorted by path. Publishing turns it into exactly one git tree, so equal trees give equal ids.
 */
public record OutputTree(SortedMap<String, OutputFile> files) {
    public OutputTree {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public Collection<OutputFile> all() {
        return files.values();
    }

    public Optional<OutputFile> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** Returns the tree as path to text, for tests and golden comparisons. */
    public Map<String, String> texts() {
        Map<String, String> texts = new TreeMap<>();
        files.forEach((path, file) -> texts.put(path, file.text()));
        return texts;
    }
}
