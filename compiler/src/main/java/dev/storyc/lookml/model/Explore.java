package dev.storyc.lookml.model;

import dev.storyc.diag.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Explore is an {@code explore:} block, or a refinement of one.
 *
 * @param usages every name the explore and its joins use, and every text with Liquid
 */
public record Explore(
        String name,
        Position position,
        boolean refinement,
        Optional<Located> viewName,
        Optional<Located> from,
        List<Located> extendsExplores,
        boolean extensionRequired,
        List<Join> joins,
        List<Located> fields,
        List<Usage> usages) {

    public Explore {
        Objects.requireNonNull(name, "name");
        extendsExplores = List.copyOf(extendsExplores);
        joins = List.copyOf(joins);
        fields = List.copyOf(fields);
        usages = List.copyOf(usages);
    }

    /**
     * Returns the name the explore's base view is known by in field references: {@code view_name}
     * when the explore has one, else the explore's own name. With {@code from: v} the explore's
     * name is the alias, so fields are {@code explore.field}; with {@code view_name: v} they are
     * {@code v.field}.
     */
    public String baseAlias() {
        return viewName.map(Located::value).orElse(name);
    }

    /** Returns the explore's base view: {@code from}, else {@code view_name}, else its name. */
    public String baseView() {
        return from.or(() -> viewName).map(Located::value).orElse(name);
    }

    /** Returns the views the explore reads, base view first, then each join's, in order. */
    public List<String> joinedViews() {
        List<String> views = new ArrayList<>();
        views.add(baseView());
        joins.forEach(j -> views.add(j.view()));
        return List.copyOf(views);
    }

    /** Returns the join with the given name; fields are qualified by join names. */
    public Optional<Join> join(String joinName) {
        return joins.stream().filter(j -> j.name().equals(joinName)).findFirst();
    }
}
