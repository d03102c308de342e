package dev.storyc.compile;

import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.OutputFile;
import dev.storyc.emit.OutputTree;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the files that several environments compile to the same path and text share one path and
 * one text, as each environment finishes. Environments differ mostly in a connection and a database
 * name, so most files are identical: in the 1,000-story synthetic workspace, 94,484 files over 12
 * environments hold 8,074 distinct texts (26.7 of 73.0 MB). A compile holds every environment's
 * tree until all are checked (nothing is written before), so this bounds its memory by the
 * distinct texts rather than by the number of environments. Shared instances also let publishing
 * find a text's blob id by identity instead of hashing it again. The few large texts, which name
 * their environment and so are rarely shared (schedules, the warehouse plan), are held packed
 * instead ({@link OutputFile#packed}).
 */
final class SharedTexts {
    private final ConcurrentHashMap<String, String> texts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> paths = new ConcurrentHashMap<>();

    /** Returns {@code compiled} with its files' paths and texts shared with earlier ones. */
    CompiledEnvironment share(CompiledEnvironment compiled) {
        TreeMap<String, OutputFile> files = new TreeMap<>();
        for (OutputFile file : compiled.tree().all()) {
            String path = paths.computeIfAbsent(file.path(), p -> p);
            String text = file.text();
            OutputFile packed = new OutputFile(path, text).packed();
            // A packed text is not shared: the map would keep the whole text alive.
            files.put(path, packed.isPacked() ? packed
                    : new OutputFile(path, texts.computeIfAbsent(text, t -> t)));
        }
        return new CompiledEnvironment(compiled.environment(), compiled.selection(),
                new OutputTree(files), compiled.lock());
    }
}
