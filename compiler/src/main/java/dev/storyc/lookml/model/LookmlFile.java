package dev.storyc.lookml.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A LookmlFile is what one {@code .lkml} file defines. Any file may hold any top-level key; the
 * kind only says what its name promises.
 *
 * @param manifest present when the file declares {@code project_name}, constants or dependencies
 * @param accessGrants the names of the file's top-level {@code access_grant} blocks
 * @param datagroups the names of the file's top-level {@code datagroup} blocks
 * @param usages what the file's top-level items outside views and explores use, such as a
 *     model's {@code persist_with} or a named value format's constants
 */
public record LookmlFile(
        String path,
        FileKind kind,
        Optional<Located> connection,
        List<Located> includes,
        List<View> views,
        List<Explore> explores,
        Optional<Manifest> manifest,
        List<Located> accessGrants,
        List<Located> datagroups,
        List<Usage> usages) {

    public LookmlFile {
        Objects.requireNonNull(path, "path");
        includes = List.copyOf(includes);
        views = List.copyOf(views);
        explores = List.copyOf(explores);
        accessGrants = List.copyOf(accessGrants);
        datagroups = List.copyOf(datagroups);
        usages = List.copyOf(usages);
    }

    /** Returns the model name of a {@code NAME.model.lkml} file. */
    public Optional<String> modelName() {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".model.lkml")
                ? Optional.of(name.substring(0, name.length() - ".model.lkml".length()))
                : Optional.empty();
    }

    /** Returns the view with the given name that is not a refinement. */
    public Optional<View> view(String name) {
        return views.stream().filter(v -> !v.refinement() && v.name().equals(name)).findFirst();
    }

    /** Returns the explore with the given name that is not a refinement. */
    public Optional<Explore> explore(String name) {
        return explores.stream().filter(e -> !e.refinement() && e.name().equals(name)).findFirst();
    }
}
