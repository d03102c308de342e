package dev.storyc.check;

import dev.storyc.lookml.model.Explore;
import dev.storyc.lookml.model.Field;
import dev.storyc.lookml.model.FieldSet;
import dev.storyc.lookml.model.Join;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.View;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The LookML of one environment as Looker sees it once every file is included: each view with its
 * refinements and the views it extends merged in, and each explore with the names its fields are
 * qualified by ({@code view_name}, {@code from} and join aliases). The field reference checks
 * resolve names here; everything is worked out on first use and kept.
 */
final class LookmlCatalog {
    private final Map<String, View> views;
    private final Map<String, Explore> exploreDefinitions;
    private final Map<String, List<View>> refinements = new HashMap<>();
    private final Map<String, List<Explore>> exploreRefinements = new HashMap<>();
    private final Map<String, Map<String, Field>> fields = new HashMap<>();
    private final Map<String, Set<String>> sets = new HashMap<>();
    private final Map<String, Map<String, String>> qualifiers = new HashMap<>();
    private final Map<String, List<Located>> exploreFieldLists = new HashMap<>();
    private final Map<String, Map<String, Join>> joins = new HashMap<>();
    private Map<String, Map<String, String>> aliasesByView;

    /**
     * @param views every view by name (the first definition of each), refinements excluded
     * @param explores every explore by name, refinements excluded
     * @param viewRefinements and {@code exploreRefinements}: in include order
     */
    LookmlCatalog(
            Map<String, View> views,
            List<View> viewRefinements,
            Map<String, Explore> explores,
            List<Explore> exploreRefinements) {
        this.views = views;
        this.exploreDefinitions = explores;
        viewRefinements.forEach(
                r -> refinements.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r));
        exploreRefinements.forEach(
                r ->
                        this.exploreRefinements
                                .computeIfAbsent(r.name(), k -> new ArrayList<>())
                                .add(r));
    }

    /** Returns the catalog of what an environment's included stories define. */
    static LookmlCatalog of(Definitions defined) {
        Map<String, View> views = new LinkedHashMap<>();
        defined.views.forEach((name, defs) -> views.put(name, defs.get(0).value()));
        Map<String, Explore> explores = new LinkedHashMap<>();
        defined.explores.forEach((name, defs) -> explores.put(name, defs.get(0).value()));
        return new LookmlCatalog(
                views,
                defined.viewRefinements.stream().map(Definitions.Def::value).toList(),
                explores,
                defined.exploreRefinements.stream().map(Definitions.Def::value).toList());
    }

    boolean hasView(String view) {
        return views.containsKey(view);
    }

    boolean hasExplore(String explore) {
        return exploreDefinitions.containsKey(explore);
    }

    /** Returns the names of the defined views. */
    Set<String> viewNames() {
        return views.keySet();
    }

    /** Returns the view's parts: its definition, then its refinements in include order. */
    List<View> parts(String view) {
        List<View> parts = new ArrayList<>();
        Optional.ofNullable(views.get(view)).ifPresent(parts::add);
        parts.addAll(refinements.getOrDefault(view, List.of()));
        return parts;
    }

    /** Returns every field name of a view, dimension groups expanded, with the field behind it. */
    Map<String, Field> fields(String view) {
        Map<String, Field> known = fields.get(view);
        if (known == null) {
            known = new LinkedHashMap<>();
            addFields(view, known, new HashSet<>());
            fields.put(view, known);
        }
        return known;
    }

    private void addFields(String view, Map<String, Field> into, Set<String> seen) {
        if (!seen.add(view)) {
            return;
        }
        for (View part : parts(view)) {
            part.extendsViews().forEach(parent -> addFields(parent.value(), into, seen));
        }
        for (View part : parts(view)) {
            for (Field field : part.fields()) {
                field.names().forEach(name -> into.put(name, field));
            }
        }
    }

    /** Returns the names of a view's sets, with its refinements and the views it extends. */
    Set<String> sets(String view) {
        return sets.computeIfAbsent(
                view,
                name -> {
                    Set<String> names = new LinkedHashSet<>();
                    addSets(name, names, new HashSet<>());
                    return names;
                });
    }

    private void addSets(String view, Set<String> into, Set<String> seen) {
        if (!seen.add(view)) {
            return;
        }
        for (View part : parts(view)) {
            part.sets().stream().map(FieldSet::name).forEach(into::add);
            part.extendsViews().forEach(parent -> addSets(parent.value(), into, seen));
        }
    }

    /**
     * Returns the names an explore's fields are qualified by, each with the view it means: the base
     * alias ({@code view_name}, else the explore's name), then each join's name. Explores it
     * extends
     * come first, refinements last, as Looker merges them.
     */
    Map<String, String> qualifiers(String explore) {
        Map<String, String> known = qualifiers.get(explore);
        if (known == null) {
            known = new LinkedHashMap<>();
            addQualifiers(explore, known, new HashSet<>());
            qualifiers.put(explore, known);
        }
        return known;
    }

    private void addQualifiers(String explore, Map<String, String> into, Set<String> seen) {
        if (!seen.add(explore)) {
            return;
        }
        List<Explore> parts = new ArrayList<>();
        Optional.ofNullable(exploreDefinitions.get(explore)).ifPresent(parts::add);
        parts.addAll(exploreRefinements.getOrDefault(explore, List.of()));
        String inherited = null;
        for (Explore part : parts) {
            for (var parent : part.extendsExplores()) {
                addQualifiers(parent.value(), into, seen);
                inherited = into.isEmpty() ? inherited : into.values().iterator().next();
            }
        }
        for (Explore part : parts) {
            boolean namesBase = part.from().isPresent() || part.viewName().isPresent();
            if (namesBase) {
                into.put(part.baseAlias(), part.baseView());
            } else if (!part.refinement()) {
                // An explore that extends another inherits its base view under its own name too.
                into.putIfAbsent(
                        explore,
                        part.extendsExplores().isEmpty() || inherited == null
                                ? explore
                                : inherited);
            }
            for (Join join : part.joins()) {
                into.put(join.name(), join.view());
            }
        }
    }

    /**
     * Returns an explore's {@code fields} list as Looker merges it: the last of its definition and
     * refinements that sets one, else the one it inherits from the explores it extends; empty when
     * none sets one, which offers every field.
     */
    List<Located> exploreFields(String explore) {
        // Asked once per dashboard field; an explore's list is worked out once.
        return exploreFieldLists.computeIfAbsent(explore, name -> exploreFields(name, new HashSet<>()));
    }

    private List<Located> exploreFields(String explore, Set<String> seen) {
        if (!seen.add(explore)) {
            return List.of();
        }
        List<Explore> parts = exploreParts(explore);
        List<Located> fields = List.of();
        for (Explore part : parts) {
            for (var parent : part.extendsExplores()) {
                List<Located> inherited = exploreFields(parent.value(), seen);
                fields = inherited.isEmpty() ? fields : inherited;
            }
        }
        for (Explore part : parts) {
            fields = part.fields().isEmpty() ? fields : part.fields();
        }
        return fields;
    }

    /** Returns the joins of an explore by name, the last definition of each, extends included. */
    Map<String, Join> joins(String explore) {
        return joins.computeIfAbsent(explore, name -> {
            Map<String, Join> found = new LinkedHashMap<>();
            addJoins(name, found, new HashSet<>());
            return java.util.Collections.unmodifiableMap(found);
        });
    }

    private void addJoins(String explore, Map<String, Join> into, Set<String> seen) {
        if (!seen.add(explore)) {
            return;
        }
        List<Explore> parts = exploreParts(explore);
        parts.forEach(part -> part.extendsExplores().forEach(parent -> addJoins(parent.value(), into, seen)));
        parts.forEach(part -> part.joins().forEach(join -> into.put(join.name(), join)));
    }

    private List<Explore> exploreParts(String explore) {
        List<Explore> parts = new ArrayList<>();
        Optional.ofNullable(exploreDefinitions.get(explore)).ifPresent(parts::add);
        parts.addAll(exploreRefinements.getOrDefault(explore, List.of()));
        return parts;
    }

    /**
     * Returns the fields a view's set lists, sets within it expanded; empty when it lists what
     * cannot be told offline (another view's fields, an exclusion), so that nothing is judged by it.
     */
    Optional<Set<String>> setFields(String view, String set) {
        Set<String> into = new LinkedHashSet<>();
        return addSetFields(view, set, into, new HashSet<>()) ? Optional.of(into) : Optional.empty();
    }

    private boolean addSetFields(String view, String set, Set<String> into, Set<String> seen) {
        if (!seen.add(set)) {
            return true;
        }
        Optional<FieldSet> found = Optional.empty();
        for (View part : parts(view)) {
            Optional<FieldSet> own = part.set(set);
            if (own.isPresent()) {
                found = own;
            }
        }
        if (found.isEmpty()) {
            return false;
        }
        for (Located entry : found.get().fields()) {
            String name = entry.value().strip();
            if (name.endsWith("*") && !name.contains(".")) {
                if (!addSetFields(view, name.substring(0, name.length() - 1), into, seen)) {
                    return false;
                }
            } else if (name.startsWith("-") || name.contains(".") || name.contains("*")) {
                return false;
            } else {
                into.add(name);
            }
        }
        return true;
    }

    /** Returns every explore's name, refinements' targets included. */
    Set<String> explores() {
        Set<String> names = new LinkedHashSet<>(exploreDefinitions.keySet());
        names.addAll(exploreRefinements.keySet());
        return names;
    }

    /**
     * Returns the aliases under which explores reach a view's neighbours: for each view, every
     * qualifier of every explore that reaches it, with the view it means. A view's SQL may name a
     * field of any view joined beside it, in some explore.
     */
    Map<String, String> neighbours(String view) {
        if (aliasesByView == null) {
            aliasesByView = new HashMap<>();
            for (String explore : explores()) {
                Map<String, String> reachable = qualifiers(explore);
                for (String reached : new LinkedHashSet<>(reachable.values())) {
                    Map<String, String> into =
                            aliasesByView.computeIfAbsent(reached, k -> new LinkedHashMap<>());
                    reachable.forEach(into::putIfAbsent);
                }
            }
        }
        return aliasesByView.getOrDefault(view, Map.of());
    }

    /**
     * Returns the view a qualifier in a view's code means: the view itself, a view, or an alias
     * beside it.
     */
    Optional<String> resolveQualifier(String view, String qualifier) {
        if (qualifier.equals(view) || hasView(qualifier)) {
            return Optional.of(qualifier);
        }
        return Optional.ofNullable(neighbours(view).get(qualifier));
    }
}
