package dev.storyc.validate;

import dev.storyc.diag.Diagnostic;
import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.model.Explore;
import dev.storyc.lookml.model.LookmlFile;
import dev.storyc.lookml.model.View;
import dev.storyc.lookml.syntax.Block;
import dev.storyc.lookml.syntax.Pair;
import dev.storyc.lookml.syntax.ParsedFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The views and explores of a compiled Looker project, as the live validator and the generated data
 * tests need them: each view with its primary keys, each explore, in file order, with what they
 * inherit through {@code extends}. Refinements are
 * left out: they change labels and add fields that a later release of this validator may merge, but
 * the base definitions are what the database has to answer for.
 */
public final class LookmlProject {
    private final Map<String, View> views = new LinkedHashMap<>();
    private final Map<String, Set<String>> primaryKeys = new LinkedHashMap<>();
    private final List<Explore> explores = new ArrayList<>();
    private final List<Diagnostic> syntaxErrors = new ArrayList<>();

    private LookmlProject() {}

    /** Reads the project from its LookML files' paths and texts, in path order. */
    public static LookmlProject of(Map<String, String> files) {
        return of(files, Map.of());
    }

    /**
     * Reads the project as {@link #of(Map)} does, with the project's Looker constants filled in
     * ({@link ManifestConstants}).
     */
    public static LookmlProject of(Map<String, String> files, Map<String, String> constants) {
        LookmlProject project = new LookmlProject();
        files.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> project.add(e.getKey(), dev.storyc.lookml.LookerConstants.fill(e.getValue(), constants)));
        project.inherit();
        return project;
    }

    /**
     * Gives each view and explore what it inherits through {@code extends} ({@link Inheritance}),
     * primary keys included, and keeps out the explores no query can use.
     */
    private void inherit() {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (String view : views.keySet()) {
            inheritedKeys(view, keys.computeIfAbsent(view, v -> new HashSet<>()), new HashSet<>());
        }
        primaryKeys.putAll(keys);
        views.putAll(Inheritance.views(views));
        List<Explore> usable = Inheritance.explores(explores).stream()
                .filter(e -> !e.extensionRequired()).toList();
        explores.clear();
        explores.addAll(usable);
    }

    private void inheritedKeys(String view, Set<String> into, Set<String> seen) {
        View declared = views.get(view);
        if (declared == null || !seen.add(view)) {
            return;
        }
        declared.extendsViews().forEach(parent -> inheritedKeys(parent.value(), into, seen));
        into.addAll(primaryKeys.getOrDefault(view, Set.of()));
    }

    private void add(String path, String text) {
        ParsedFile parsed = Lookml.parse(path, text);
        syntaxErrors.addAll(parsed.diagnostics().stream().filter(Diagnostic::isError).toList());
        LookmlFile file = Lookml.model(parsed);
        for (View view : file.views()) {
            if (!view.refinement()) {
                views.putIfAbsent(view.name(), view);
            }
        }
        for (Block block : parsed.tree().root().blocks("view")) {
            if (block.isRefinement() || block.name().isEmpty()) {
                continue;
            }
            Set<String> keys =
                    primaryKeys.computeIfAbsent(block.name().get(), v -> new HashSet<>());
            for (Block dimension : block.blocks("dimension")) {
                boolean primary =
                        dimension
                                .first("primary_key")
                                .filter(
                                        item ->
                                                item instanceof Pair pair
                                                        && pair.value().equals("yes"))
                                .isPresent();
                if (primary && dimension.name().isPresent()) {
                    keys.add(dimension.name().get());
                }
            }
        }
        file.explores().stream().filter(e -> !e.refinement()).forEach(explores::add);
    }

    /** Returns the view with a name. */
    public Optional<View> view(String name) {
        return Optional.ofNullable(views.get(name));
    }

    /**
     * Returns every view a query can read, in file order: not the {@code extension: required} ones,
     * which exist only to be extended, over a table no query names.
     */
    public List<View> views() {
        return views.values().stream().filter(v -> !v.extensionRequired()).toList();
    }

    /** Returns the names of the view's {@code primary_key: yes} dimensions. */
    public Set<String> primaryKeys(String view) {
        return primaryKeys.getOrDefault(view, Set.of());
    }

    /**
     * Returns the explores that queries can use (not refinements, not {@code extension: required}).
     */
    public List<Explore> explores() {
        return List.copyOf(explores);
    }

    /**
     * Returns the LookML syntax errors found while reading, which the compile would have refused.
     */
    public List<Diagnostic> syntaxErrors() {
        return List.copyOf(syntaxErrors);
    }
}
