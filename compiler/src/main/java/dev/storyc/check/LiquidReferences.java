package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Spelling;
import dev.storyc.lookml.model.Explore;
import dev.storyc.lookml.model.Usage;
import dev.storyc.lookml.model.UsageKind;
import dev.storyc.lookml.model.View;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks the Liquid of every {@code sql}, {@code html}, link and label: that it parses (E0624, at
 * the LookML line of the problem) and that the fields it names exist (E0625), resolved as
 * {@code ${...}} resolves: a plain name in the view, {@code view.field} in the view's neighbours or
 * the explore's qualifiers.
 */
final class LiquidReferences {
    private final LookmlCatalog catalog;
    private final Consumer<Diagnostic> sink;

    LiquidReferences(LookmlCatalog catalog, Consumer<Diagnostic> sink) {
        this.catalog = catalog;
        this.sink = sink;
    }

    static void check(Scope scope) {
        LiquidReferences liquid = new LiquidReferences(scope.catalog(), scope::report);
        for (var def : LookmlReferences.allViews(scope.defined())) {
            liquid.view(def.value(), def.file()::at);
        }
        for (var def : LookmlReferences.allExplores(scope.defined())) {
            liquid.explore(def.value(), def.file()::at);
        }
    }

    void view(View view, FieldReferences.Placer place) {
        boolean resolvable = !view.extensionRequired() && catalog.hasView(view.name());
        for (Usage usage : view.usages()) {
            if (usage.kind() == UsageKind.LIQUID
                    && parses(usage, "view `" + view.name() + "`", place)
                    && resolvable) {
                names(
                        usage,
                        "view `" + view.name() + "`",
                        place,
                        view.name(),
                        q -> catalog.resolveQualifier(view.name(), q),
                        catalog.neighbours(view.name()).keySet());
            }
        }
    }

    void explore(Explore explore, FieldReferences.Placer place) {
        boolean resolvable = !explore.extensionRequired() && catalog.hasExplore(explore.name());
        Map<String, String> qualifiers = resolvable ? catalog.qualifiers(explore.name()) : Map.of();
        for (Usage usage : explore.usages()) {
            if (usage.kind() == UsageKind.LIQUID
                    && parses(usage, "explore `" + explore.name() + "`", place)
                    && resolvable) {
                names(
                        usage,
                        "explore `" + explore.name() + "`",
                        place,
                        null,
                        q -> Optional.ofNullable(qualifiers.get(q)),
                        qualifiers.keySet());
            }
        }
    }

    private boolean parses(Usage usage, String owner, FieldReferences.Placer place) {
        Optional<dev.storyc.lookml.liquid.LookerLiquid.Problem> problem = dev.storyc.lookml.liquid.LookerLiquid.problem(usage.text());
        problem.ifPresent(
                p ->
                        sink.accept(
                                Diagnostic.error(
                                                Code.LIQUID_SYNTAX,
                                                place.at(p.at(usage.position()), null),
                                                "the Liquid in "
                                                        + where(owner, usage)
                                                        + " does not parse: "
                                                        + p.message())
                                        .withHint(dev.storyc.lookml.liquid.LookerLiquid.SYNTAX_HINT)));
        return problem.isEmpty();
    }

    private void names(
            Usage usage,
            String owner,
            FieldReferences.Placer place,
            String home,
            Function<String, Optional<String>> resolve,
            Collection<String> aliases) {
        for (Liquid.FieldName name : Liquid.fieldNames(usage.text())) {
            String written = name.name();
            int dot = written.indexOf('.');
            String view;
            String field;
            if (dot < 0) {
                if (home == null) {
                    continue;
                }
                view = home;
                field = written;
            } else {
                Optional<String> resolved = resolve.apply(written.substring(0, dot));
                field = written.substring(dot + 1);
                if (resolved.isEmpty()) {
                    report(
                            usage,
                            owner,
                            place,
                            name,
                            "there is no view or join `" + written.substring(0, dot) + "` here",
                            Spelling.closest(written.substring(0, dot), aliases)
                                    .map(a -> "did you mean `" + a + "." + field + "`?"));
                    continue;
                }
                view = resolved.get();
            }
            if (!catalog.hasView(view)) {
                continue;
            }
            Set<String> fields = catalog.fields(view).keySet();
            if (!fields.contains(field)) {
                String prefix = dot < 0 ? "" : written.substring(0, dot) + ".";
                report(
                        usage,
                        owner,
                        place,
                        name,
                        "view `" + view + "` has no field `" + field + "`",
                        Spelling.closest(field, fields)
                                .map(f -> "did you mean `" + prefix + f + "`?"));
            }
        }
    }

    private void report(
            Usage usage,
            String owner,
            FieldReferences.Placer place,
            Liquid.FieldName name,
            String why,
            Optional<String> hint) {
        sink.accept(
                Diagnostic.error(
                                Code.LIQUID_UNKNOWN_FIELD,
                                place.at(
                                        TextPositions.at(
                                                usage.position(), usage.text(), name.offset()),
                                        name.name()),
                                "the Liquid in "
                                        + where(owner, usage)
                                        + " names `"
                                        + name.name()
                                        + "`, but "
                                        + why)
                        .withHint(
                                hint.orElse(
                                        "Liquid names fields as `view.field._value` or"
                                            + " `_filters['view.field']`, with the names LookML"
                                            + " gives them")));
    }

    private static String where(String owner, Usage usage) {
        return "`"
                + usage.key()
                + "` of "
                + usage.field().map(f -> "field `" + f + "` of ").orElse("")
                + owner;
    }
}
