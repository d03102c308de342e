package dev.storyc.check;

import dev.storyc.lookml.model.Join;
import dev.storyc.lookml.model.Located;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an explore offers a field of a view it reaches. An explore's {@code fields} ({@code
 * [ALL_FIELDS*, -orders.id]}) and a join's ({@code fields: [id, name]}) narrow what a query of the
 * explore may use, and Looker refuses a dashboard tile that uses a field left out ("unknown or
 * inaccessible field"). Until this check a tile passed when the field merely existed in its view
 * (round 13).
 *
 * <p>An entry this check cannot judge offline (a set it cannot expand, another shape) counts as
 * offering the field: a false error would block valid work, and Looker's own validator still sees
 * the rest.
 */
final class ExploreFields {
    /** Why a field is withheld. */
    record Withheld(String reason) {}

    private ExploreFields() {}

    /**
     * Returns why explore {@code explore} does not offer {@code qualifier.field} (of view {@code
     * view}, named {@code group} when it is a timeframe of a dimension group), or empty when it does
     * or when that cannot be told.
     */
    static Optional<Withheld> withheld(LookmlCatalog catalog, String explore, String qualifier, String view,
            String field, String group) {
        Join join = catalog.joins(explore).get(qualifier);
        if (join != null && join.listsFields()) {
            Optional<Boolean> listed = listedByJoin(catalog, qualifier, view, join.fields(), field, group);
            if (listed.isPresent() && !listed.get()) {
                return Optional.of(new Withheld(join.fields().isEmpty()
                        ? "join `" + qualifier + "` of explore `" + explore + "` offers no field (`fields: []`)"
                        : "join `" + qualifier + "` of explore `" + explore + "` lists the fields it offers, and `"
                                + field + "` is not one"));
            }
        }
        List<Located> fields = catalog.exploreFields(explore);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        boolean included = false;
        for (Located entry : fields) {
            String text = entry.value().strip();
            boolean excluding = text.startsWith("-");
            Optional<Boolean> matches = matches(catalog, excluding ? text.substring(1) : text, qualifier, view,
                    field, group);
            if (matches.isEmpty()) {
                return Optional.empty();
            }
            if (matches.get() && excluding) {
                return Optional.of(new Withheld("explore `" + explore + "` leaves it out of its fields with `"
                        + text + "`"));
            }
            included |= matches.get() && !excluding;
        }
        return included ? Optional.empty() : Optional.of(new Withheld("explore `" + explore
                + "` lists the fields it offers, and `" + qualifier + "." + field + "` is not one"));
    }

    private static Optional<Boolean> listedByJoin(LookmlCatalog catalog, String join, String view,
            List<Located> fields, String field, String group) {
        for (Located entry : fields) {
            String written = entry.value().strip();
            // A join's list may qualify its own fields by the join's name, as Looker allows.
            String text = written.startsWith(join + ".") ? written.substring(join.length() + 1) : written;
            if (text.endsWith("*")) {
                Optional<Set<String>> set = catalog.setFields(view, text.substring(0, text.length() - 1));
                if (set.isEmpty()) {
                    return Optional.empty();
                }
                if (set.get().contains(field) || set.get().contains(group)) {
                    return Optional.of(true);
                }
            } else if (text.contains(".") || text.startsWith("-") || !known(catalog, view, text)) {
                return Optional.empty();
            } else if (text.equals(field) || text.equals(group)) {
                return Optional.of(true);
            }
        }
        return Optional.of(false);
    }

    /** Returns whether one entry of an explore's fields names the field; empty when it cannot be told. */
    private static Optional<Boolean> matches(LookmlCatalog catalog, String entry, String qualifier, String view,
            String field, String group) {
        if (entry.equals("ALL_FIELDS*")) {
            return Optional.of(true);
        }
        int dot = entry.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String entryQualifier = entry.substring(0, dot);
        String name = entry.substring(dot + 1);
        if (!entryQualifier.equals(qualifier)) {
            return Optional.of(false);
        }
        if (name.equals("*")) {
            return Optional.of(true);
        }
        if (name.endsWith("*")) {
            return catalog.setFields(view, name.substring(0, name.length() - 1))
                    .map(set -> set.contains(field) || set.contains(group));
        }
        if (!known(catalog, view, name)) {
            // A name the view does not have is E0621's to report, once, at the list.
            return Optional.empty();
        }
        return Optional.of(name.equals(field) || name.equals(group));
    }

    /** Returns true when the view has a field, or a dimension group, of that name. */
    private static boolean known(LookmlCatalog catalog, String view, String name) {
        var fields = catalog.fields(view);
        return fields.containsKey(name) || fields.values().stream().anyMatch(f -> f.name().equals(name));
    }
}
