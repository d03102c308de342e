package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.Related;
import dev.storyc.diag.Spelling;
import dev.storyc.lookml.model.Explore;
import dev.storyc.lookml.model.Join;
import dev.storyc.lookml.model.Timeframes;
import dev.storyc.lookml.model.Usage;
import dev.storyc.lookml.model.View;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Resolves every field name LookML uses, with Looker's scoping rules, against the environment's
 * views merged with their refinements and the views they extend:
 *
 * <ul>
 *   <li>in a view, {@code ${field}} is the view's own field and {@code ${view.field}} a field of a
 *       view, or of a view an explore joins beside it under that alias;</li>
 *   <li>in an explore, {@code ${alias.field}} goes through the explore's qualifiers: the base
 *       alias ({@code view_name}, else the explore's name) and every join name;</li>
 *   <li>{@code fields}, {@code drill_fields}, {@code required_fields} and set members may be
 *       fields, {@code set*}, {@code view.set*}, {@code view.*} or {@code ALL_FIELDS*} (explores
 *       only), each perhaps excluded with {@code -}; a join's list is in the joined view;</li>
 *   <li>measure filters, sorts, {@code order_by_field} and access filters name one field;</li>
 *   <li>timeframes and intervals are ones Looker has.</li>
 * </ul>
 *
 * Views with {@code extension: required} are templates whose names resolve only in the views that
 * extend them, so they are checked through those.
 */
final class FieldReferences {
    private static final Set<String> SPECIAL = Set.of("TABLE", "EXTENDED", "SQL_TABLE_NAME");

    /** Turns a position in the text a usage was read from into the position to report. */
    interface Placer {
        Position at(Position rendered, String token);
    }

    private final LookmlCatalog catalog;
    private final Consumer<Diagnostic> sink;
    private final Function<String, Optional<Related>> definedAt;

    /**
     * @param definedAt where a view is defined, for the note under a missing field
     */
    FieldReferences(
            LookmlCatalog catalog,
            Consumer<Diagnostic> sink,
            Function<String, Optional<Related>> definedAt) {
        this.catalog = catalog;
        this.sink = sink;
        this.definedAt = definedAt;
    }

    static void check(Scope scope) {
        FieldReferences references =
                new FieldReferences(
                        scope.catalog(),
                        scope::report,
                        view ->
                                scope.defined()
                                        .view(view)
                                        .map(
                                                d ->
                                                        new Related(
                                                                d.position(),
                                                                "view `"
                                                                        + view
                                                                        + "` is defined here, in"
                                                                        + " story `"
                                                                        + d.story()
                                                                        + "`")));
        for (var def : LookmlReferences.allViews(scope.defined())) {
            references.view(def.value(), def.file()::at);
        }
        for (var def : LookmlReferences.allExplores(scope.defined())) {
            references.explore(def.value(), def.file()::at);
        }
    }

    /** Resolves every name a view (or a refinement of one) uses. */
    void view(View view, Placer place) {
        if (view.extensionRequired() || !catalog.hasView(view.name())) {
            return;
        }
        for (Usage usage : view.usages()) {
            switch (usage.kind()) {
                case SUBSTITUTION -> inView(place, view.name(), usage);
                case FIELD_LIST -> listInView(place, view.name(), usage);
                case FIELD_NAME -> nameInView(place, view.name(), usage);
                case TIMEFRAME -> timeframe(place, view.name(), usage);
                default -> {}
            }
        }
    }

    /** Resolves every name an explore (or a refinement of one) and its joins use. */
    void explore(Explore explore, Placer place) {
        if (explore.extensionRequired() || !catalog.hasExplore(explore.name())) {
            return;
        }
        Map<String, String> qualifiers = catalog.qualifiers(explore.name());
        for (Usage usage : explore.usages()) {
            switch (usage.kind()) {
                case SUBSTITUTION, FIELD_NAME -> inExplore(place, explore, qualifiers, usage);
                case FIELD_LIST -> listInExplore(place, explore, qualifiers, usage);
                default -> {}
            }
        }
    }

    /** {@code ${x}} or {@code ${v.x}} in a view's code. */
    private void inView(Placer place, String view, Usage usage) {
        String name = usage.text();
        if (SPECIAL.contains(name) || !isName(name)) {
            return;
        }
        viewField(place, view, usage, Code.UNKNOWN_FIELD_REFERENCE);
    }

    /** A name of a {@code filters} key, {@code order_by_field} or {@code field} in a view. */
    private void nameInView(Placer place, String view, Usage usage) {
        if (!isName(usage.text())) {
            return;
        }
        viewField(place, view, usage, Code.UNKNOWN_FIELD_IN_LIST);
    }

    /**
     * Resolves a field name used in a view: a bare name is the view's own field, a qualified one
     * a field of a view it can reach. Code and list positions differ only in the code reported.
     */
    private void viewField(Placer place, String view, Usage usage, Code code) {
        String name = usage.text();
        if (name.indexOf('.') < 0) {
            field(place, usage, code, view, view, name, name, where(view, usage));
        } else {
            qualified(
                    place,
                    usage,
                    code,
                    view,
                    name,
                    where(view, usage),
                    q -> catalog.resolveQualifier(view, q),
                    catalog.neighbours(view).keySet());
        }
    }

    /** An entry of a view's {@code drill_fields}, {@code required_fields} or set. */
    private void listInView(Placer place, String view, Usage usage) {
        String entry = entry(usage.text());
        String what = where(view, usage);
        if (entry.equals("ALL_FIELDS*")) {
            sink.accept(
                    Diagnostic.error(
                                    Code.UNKNOWN_FIELD_IN_LIST,
                                    place.at(usage.position(), usage.text()),
                                    what
                                            + " lists `ALL_FIELDS*`, which only an explore's"
                                            + " `fields` may use")
                            .withHint(
                                    "list the fields, or a set such as `" + firstSet(view) + "*`"));
            return;
        }
        listEntry(
                place,
                usage,
                view,
                entry,
                what,
                q -> catalog.resolveQualifier(view, q),
                catalog.neighbours(view).keySet());
    }

    /** A name in an explore's or join's code, filters or access filters: qualified by an alias. */
    private void inExplore(
            Placer place, Explore explore, Map<String, String> qualifiers, Usage usage) {
        String name = usage.text();
        if (SPECIAL.contains(name) || !isName(name) || name.indexOf('.') < 0) {
            return; // Looker wants explores' names qualified; an unqualified one is not a field we
                    // can place
        }
        Code code =
                usage.kind() == dev.storyc.lookml.model.UsageKind.SUBSTITUTION
                        ? Code.UNKNOWN_FIELD_REFERENCE
                        : Code.UNKNOWN_FIELD_IN_LIST;
        qualified(
                place,
                usage,
                code,
                null,
                name,
                where(explore, usage),
                q -> Optional.ofNullable(qualifiers.get(q)),
                qualifiers.keySet());
    }

    /**
     * An entry of an explore's {@code fields}, or of a join's, where plain names are the joined
     * view's.
     */
    private void listInExplore(
            Placer place, Explore explore, Map<String, String> qualifiers, Usage usage) {
        String entry = entry(usage.text());
        if (entry.equals("ALL_FIELDS*")) {
            return;
        }
        String what = where(explore, usage);
        Optional<Join> join = usage.join().flatMap(explore::join);
        String home = join.map(Join::view).orElse(null);
        if (home == null && entry.indexOf('.') < 0) {
            sink.accept(
                    Diagnostic.error(
                                    Code.UNKNOWN_FIELD_IN_LIST,
                                    place.at(usage.position(), usage.text()),
                                    what
                                            + " lists `"
                                            + entry
                                            + "`, but an explore's fields are named `view.field`")
                            .withHint(
                                    "qualify it by the view or join it belongs to, such as `"
                                            + explore.baseAlias()
                                            + "."
                                            + entry
                                            + "`"));
            return;
        }
        listEntry(
                place,
                usage,
                home,
                entry,
                what,
                q -> Optional.ofNullable(qualifiers.get(q)),
                qualifiers.keySet());
    }

    /**
     * Resolves one list entry: {@code field}, {@code set*}, {@code view.field}, {@code view.set*},
     * {@code view.*}.
     */
    private void listEntry(
            Placer place,
            Usage usage,
            String home,
            String entry,
            String what,
            java.util.function.Function<String, Optional<String>> resolve,
            Collection<String> aliases) {
        if (!isName(entry.replace("*", ""))) {
            return;
        }
        int dot = entry.indexOf('.');
        String qualifier = dot < 0 ? null : entry.substring(0, dot);
        String rest = dot < 0 ? entry : entry.substring(dot + 1);
        String view = home;
        if (qualifier != null) {
            Optional<String> resolved = resolve.apply(qualifier);
            if (resolved.isEmpty()) {
                unknownQualifier(
                        place, usage, Code.UNKNOWN_FIELD_IN_LIST, what, qualifier, rest, aliases);
                return;
            }
            view = resolved.get();
            if (!catalog.hasView(view)) {
                return; // E0601 already names the missing view
            }
        }
        if (rest.equals("*")) {
            return;
        }
        if (rest.endsWith("*")) {
            String set = rest.substring(0, rest.length() - 1);
            Set<String> sets = catalog.sets(view);
            if (!sets.contains(set)) {
                String prefix = qualifier == null ? "" : qualifier + ".";
                sink.accept(
                        Diagnostic.error(
                                        Code.UNKNOWN_FIELD_IN_LIST,
                                        place.at(usage.position(), usage.text()),
                                        what
                                                + " lists `"
                                                + entry
                                                + "`, but view `"
                                                + view
                                                + "` has no set `"
                                                + set
                                                + "`")
                                .withHint(
                                        Spelling.closest(set, sets)
                                                .map(s -> "did you mean `" + prefix + s + "*`?")
                                                .orElse(
                                                        sets.isEmpty()
                                                                ? "view `"
                                                                        + view
                                                                        + "` declares no sets"
                                                                : "its sets are " + quoted(sets))));
            }
            return;
        }
        field(place, usage, Code.UNKNOWN_FIELD_IN_LIST, qualifier, view, rest, entry, what);
    }

    private void qualified(
            Placer place,
            Usage usage,
            Code code,
            String home,
            String name,
            String what,
            java.util.function.Function<String, Optional<String>> resolve,
            Collection<String> aliases) {
        int dot = name.indexOf('.');
        String qualifier = name.substring(0, dot);
        String fieldName = name.substring(dot + 1);
        if (fieldName.startsWith("_") || fieldName.indexOf('.') >= 0) {
            return;
        }
        if (fieldName.equals("SQL_TABLE_NAME")) {
            if (!catalog.hasView(qualifier)) {
                unknownQualifier(
                        place, usage, code, what, qualifier, fieldName, catalog.viewNames());
            }
            return;
        }
        Optional<String> view = resolve.apply(qualifier);
        if (view.isEmpty()) {
            unknownQualifier(place, usage, code, what, qualifier, fieldName, aliases);
            return;
        }
        if (!catalog.hasView(view.get())) {
            return; // E0601 already names the missing view
        }
        field(place, usage, code, qualifier, view.get(), fieldName, name, what);
    }

    /** Reports {@code fieldName} unless {@code view} has it. */
    private void field(
            Placer place,
            Usage usage,
            Code code,
            String qualifier,
            String view,
            String fieldName,
            String written,
            String what) {
        Set<String> names = catalog.fields(view).keySet();
        if (names.contains(fieldName)) {
            return;
        }
        String prefix = qualifier == null || usage.text().indexOf('.') < 0 ? "" : qualifier + ".";
        Diagnostic diagnostic =
                Diagnostic.error(
                        code,
                        place.at(usage.position(), written),
                        what
                                + " names `"
                                + written
                                + "`, but view `"
                                + view
                                + "` has no field `"
                                + fieldName
                                + "`");
        diagnostic =
                diagnostic.withHint(MissingFieldHint.of(fieldName, names, view, prefix));
        Optional<Related> related = definedAt.apply(view);
        sink.accept(
                related.isPresent()
                        ? diagnostic.withRelated(related.get().position(), related.get().message())
                        : diagnostic);
    }

    private void unknownQualifier(
            Placer place,
            Usage usage,
            Code code,
            String what,
            String qualifier,
            String rest,
            Collection<String> aliases) {
        sink.accept(
                Diagnostic.error(
                                code,
                                place.at(usage.position(), qualifier),
                                what
                                        + " names `"
                                        + qualifier
                                        + "."
                                        + rest
                                        + "`, but there is no view or join `"
                                        + qualifier
                                        + "` here")
                        .withHint(
                                Spelling.closest(qualifier, aliases)
                                        .map(a -> "did you mean `" + a + "." + rest + "`?")
                                        .orElse(
                                                aliases.isEmpty()
                                                        ? "no explore joins a view beside this one"
                                                        : "the views and joins here are "
                                                                + quoted(aliases))));
    }

    private void timeframe(Placer place, String view, Usage usage) {
        boolean duration = usage.key().equals("intervals");
        if (Timeframes.isKnown(usage.text(), duration)) {
            return;
        }
        List<String> known =
                duration ? Timeframes.DEFAULT_INTERVALS : Timeframes.DEFAULT_TIMEFRAMES;
        sink.accept(
                Diagnostic.error(
                                Code.UNKNOWN_TIMEFRAME,
                                place.at(usage.position(), usage.text()),
                                "dimension group `"
                                        + usage.field().orElse("?")
                                        + "` of view `"
                                        + view
                                        + "` lists "
                                        + (duration ? "interval" : "timeframe")
                                        + " `"
                                        + usage.text()
                                        + "`, which Looker does not have")
                        .withHint(
                                Spelling.didYouMean(usage.text(), known)
                                        .orElse(
                                                "the "
                                                        + usage.key()
                                                        + " are "
                                                        + String.join(", ", known))));
    }

    private static String entry(String text) {
        String entry = text.strip();
        return entry.startsWith("-") ? entry.substring(1) : entry;
    }

    private static boolean isName(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private String firstSet(String view) {
        return catalog.sets(view).stream().findFirst().orElse("detail");
    }

    private static String where(String view, Usage usage) {
        return owned("view `" + view + "`", usage);
    }

    private static String where(Explore explore, Usage usage) {
        String owner =
                usage.join()
                        .map(j -> "join `" + j + "` of explore `" + explore.name() + "`")
                        .orElse("explore `" + explore.name() + "`");
        return "`" + usage.key() + "` of " + owner;
    }

    private static String owned(String owner, Usage usage) {
        return "`"
                + usage.key()
                + "` of "
                + usage.field().map(f -> "field `" + f + "` of ").orElse("")
                + owner;
    }

    static String quoted(Collection<String> names) {
        return names.stream()
                .map(n -> "`" + n + "`")
                .reduce((a, b) -> a + ", " + b)
                .orElse("nothing");
    }
}
