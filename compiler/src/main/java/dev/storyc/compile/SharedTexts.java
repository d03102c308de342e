package dev.storyc.compile;

import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.OutputFile;
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
    /**
     * The first shared file of each path, never a packed one. Most paths hold the same text in
     * every environment, and then every tree holds this one instance: at 5,000 stories x 12
     * environments a file per path and environment was 15 MB of a compile's peak.
     */
    private final ConcurrentHashMap<String, OutputFile> files = new ConcurrentHashMap<>();

    /** Returns {@code compiled} with its files' paths and texts shared with earlier ones. */
    CompiledEnvironment share(CompiledEnvironment compiled) {
        return new CompiledEnvironment(compiled.environment(), compiled.selection(),
                compiled.tree().map(this::share), compiled.lock());
    }

    private OutputFile share(OutputFile file) {
        OutputFile packed = file.packed();
        if (packed.isPacked()) {
            // A packed text is not shared: the map would keep the whole text alive.
            return packed;
        }
        OutputFile first = files.computeIfAbsent(file.path(), path -> file);
        // Equal renders are one instance already (render.TemplateRenderer), so for most files
        // this is a comparison of references, not of texts.
        return first.text().equals(file.text()) ? first : new OutputFile(first.path(), file.text());
    }
}
