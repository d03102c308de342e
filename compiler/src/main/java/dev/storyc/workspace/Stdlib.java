package dev.storyc.workspace;

import dev.storyc.diag.SourceFile;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Stdlib is what every workspace sees without writing it: the Environment type, the templates
 * of generated files, and shared partials. Paths are {@code stdlib/...} so diagnostics name them.
 */
public record Stdlib(SourceFile environmentType, Map<String, SourceFile> templates, Map<String, SourceFile> partials) {
    public Stdlib {
        templates = Map.copyOf(new TreeMap<>(templates));
        partials = Map.copyOf(new TreeMap<>(partials));
    }

    /** Returns the template with the given name, such as {@code model.lkml}. */
    public SourceFile template(String name) {
        SourceFile file = templates.get(name);
        if (file == null) {
            throw new IllegalStateException("the stdlib lacks template " + name + "; the build is broken");
        }
        return file;
    }

    /** Returns a partial by name, such as {@code lkml/audit_timestamps}. */
    public Optional<SourceFile> partial(String name) {
        return Optional.ofNullable(partials.get(name));
    }
}
