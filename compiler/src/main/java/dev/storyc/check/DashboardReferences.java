package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Spelling;
import dev.storyc.lookml.model.Dashboard;
import dev.storyc.lookml.model.DashboardElement;
import dev.storyc.lookml.model.DashboardFilter;
import dev.storyc.lookml.model.Located;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks dashboards against the environment's model: each element and filter names the
 * environment's model and an explore that exists, and every field it uses (fields, filters, sorts,
 * pivots, listen) is a field of a view the explore reaches, dimension groups expanded.
 */
final class DashboardReferences {
    private final Scope scope;

    private DashboardReferences(Scope scope) {
        this.scope = scope;
    }

    static void check(Scope scope) {
        new DashboardReferences(scope).run();
    }

    private void run() {
        for (var file : scope.defined().dashboardFiles) {
            file.value().diagnostics().forEach(d -> scope.report(file.file().moved(d)));
        }
        for (var dashboards : scope.defined().dashboards.values()) {
            for (var def : dashboards) {
                Dashboard dashboard = def.value();
                uniqueNames(def.file(), dashboard, "element", dashboard.elements().stream()
                        .filter(e -> e.name().isPresent())
                        .map(e -> new Named(e.name().get(), e.position())).toList());
                uniqueNames(def.file(), dashboard, "filter", dashboard.filters().stream()
                        .map(f -> new Named(f.name(), f.position())).toList());
                for (DashboardElement element : dashboard.elements()) {
                    String what = "element `" + element.name().or(element::title).orElse("?") + "` of dashboard `"
                            + dashboard.name() + "`";
                    List<Located> used = new ArrayList<>(element.fields());
                    element.filters().forEach(b -> used.add(b.key()));
                    used.addAll(element.sortFields());
                    used.addAll(element.pivots());
                    element.listen().forEach(b -> used.add(b.value()));
                    query(def.file(), what, element.model(), element.explore(), used);
                    for (var listen : element.listen()) {
                        String filter = listen.key().value();
                        if (dashboard.filter(filter).isEmpty()) {
                            List<String> names = dashboard.filters().stream().map(DashboardFilter::name).toList();
                            scope.report(Diagnostic.error(Code.DASHBOARD_UNKNOWN_FILTER,
                                            def.file().at(listen.key().position(), filter),
                                            what + " listens to filter `" + filter + "`, which the dashboard does not define")
                                    .withHint(Spelling.didYouMean(filter, names).orElse(
                                            "the dashboard's filters are " + quoted(names)))
                                    .withRelated(def.position(), "dashboard `" + dashboard.name() + "` is defined here"));
                        }
                    }
                }
                for (DashboardFilter filter : dashboard.filters()) {
                    query(def.file(), "filter `" + filter.name() + "` of dashboard `" + dashboard.name() + "`",
                            filter.model(), filter.explore(), filter.field().stream().toList());
                }
            }
        }
    }

    private record Named(String name, dev.storyc.diag.Position position) {}

    /**
     * Reports the second element, or filter, of a dashboard that has a name the first has (E0642):
     * Looker refuses the dashboard, and a {@code listen} to a filter named twice means neither.
     */
    private void uniqueNames(CheckedFile file, Dashboard dashboard, String kind, List<Named> named) {
        java.util.Map<String, Named> first = new java.util.HashMap<>();
        for (Named one : named) {
            Named earlier = first.putIfAbsent(one.name(), one);
            if (earlier != null) {
                scope.report(Diagnostic.error(Code.DASHBOARD_NAME_TWICE, file.at(one.position(), one.name()),
                                "dashboard `" + dashboard.name() + "` has two " + kind + "s named `" + one.name() + "`")
                        .withHint("give each " + kind + " of a dashboard a name of its own")
                        .withRelated(file.at(earlier.position(), earlier.name()), "the first is here"));
            }
        }
    }

    /** Checks one query: its model, its explore and the fields it uses. */
    private void query(CheckedFile file, String what, Optional<Located> model, Optional<Located> explore,
            List<Located> used) {
        String expected = scope.environment.model();
        model.filter(m -> !m.value().equals(expected)).ifPresent(m -> scope.report(
                Diagnostic.error(Code.DASHBOARD_WRONG_MODEL, file.at(m.position(), m.value()),
                                what + " uses model `" + m.value() + "`, but environment `" + scope.environment.name()
                                        + "` has model `" + expected + "`")
                        .withHint("write `model: <% env.model %>` so the dashboard follows the environment's model")));
        if (explore.isEmpty()) {
            return;
        }
        String name = explore.get().value();
        if (scope.defined().explore(name).isEmpty()) {
            Diagnostic diagnostic = Diagnostic.error(Code.DASHBOARD_UNKNOWN_EXPLORE,
                    file.at(explore.get().position(), name),
                    what + " queries explore `" + name + "`, which environment `" + scope.environment.name()
                            + "` does not define");
            scope.report(scope.missing(diagnostic, "explore", name, scope.elsewhere().explore(name),
                    scope.defined().explores.keySet(), "define explore `" + name + "` in a story this environment includes"));
            return;
        }
        Map<String, String> reachable = qualifiers(name);
        for (Located field : used) {
            field(file, what, name, reachable, field);
        }
    }

    private void field(CheckedFile file, String what, String explore, Map<String, String> reachable, Located field) {
        String reference = field.value().strip();
        int dot = reference.indexOf('.');
        if (dot < 0) {
            return; // a table calculation or custom field, defined by the dashboard itself
        }
        String qualifier = reference.substring(0, dot);
        String fieldName = reference.substring(dot + 1);
        String view = reachable.get(qualifier);
        if (view == null) {
            Diagnostic diagnostic = Diagnostic.error(Code.DASHBOARD_UNKNOWN_FIELD, file.at(field.position(), reference),
                    what + " uses `" + reference + "`, but explore `" + explore + "` has no view or join `"
                            + qualifier + "`");
            Optional<String> near = Spelling.closest(qualifier, reachable.keySet());
            scope.report(diagnostic.withHint(near.map(n -> "did you mean `" + n + "." + fieldName + "`?")
                    .orElse("explore `" + explore + "` reaches " + quoted(List.copyOf(reachable.keySet())))));
            return;
        }
        if (scope.defined().view(view).isEmpty()) {
            Diagnostic diagnostic = Diagnostic.error(Code.DASHBOARD_UNKNOWN_FIELD, file.at(field.position(), reference),
                    what + " uses `" + reference + "`, but environment `" + scope.environment.name()
                            + "` defines no view `" + view + "`");
            scope.report(scope.missing(diagnostic, "view", view, scope.elsewhere().view(view),
                    scope.defined().views.keySet(), "define view `" + view + "` in a story this environment includes"));
            return;
        }
        Set<String> names = fields(view);
        if (!names.contains(fieldName)) {
            Diagnostic diagnostic = Diagnostic.error(Code.DASHBOARD_UNKNOWN_FIELD, file.at(field.position(), reference),
                    what + " uses `" + reference + "`, but view `" + view + "` has no field `" + fieldName + "`");
            var definition = scope.defined().view(view).get();
            Optional<String> refinedElsewhere = scope.elsewhere().viewRefinements.stream()
                    .filter(r -> r.value().name().equals(view) && r.value().fieldNames().contains(fieldName))
                    .map(r -> r.story().value()).findFirst();
            scope.report(diagnostic
                    .withHint(refinedElsewhere.map(story -> "a refinement in story `" + story + "` adds `" + fieldName
                                    + "`, and " + scope.releasePhrase() + " does not include it; add the story back,"
                                    + " or stop using the field")
                            .orElseGet(() -> MissingFieldHint.of(fieldName, names, view, qualifier + ".")))
                    .withRelated(definition.position(), "view `" + view + "` is defined here, in story `"
                            + definition.story() + "`"));
            return;
        }
        String group = scope.catalog().fields(view).get(fieldName).name();
        ExploreFields.withheld(scope.catalog(), explore, qualifier, view, fieldName, group).ifPresent(withheld -> {
            Diagnostic diagnostic = Diagnostic.error(Code.DASHBOARD_UNKNOWN_FIELD, file.at(field.position(), reference),
                    what + " uses `" + reference + "`, which explore `" + explore + "` does not offer: "
                            + withheld.reason())
                    .withHint("use a field the explore offers, or offer this one in the explore's `fields`");
            var definition = scope.defined().explore(explore);
            scope.report(definition.isEmpty() ? diagnostic : diagnostic.withRelated(definition.get().position(),
                    "explore `" + explore + "` is defined here, in story `" + definition.get().story() + "`"));
        });
    }

    /** Returns the names fields of an explore may be qualified by, and the view each one means. */
    private Map<String, String> qualifiers(String explore) {
        return scope.catalog().qualifiers(explore);
    }

    /** Returns every field name of a view, with its refinements and the views it extends. */
    private Set<String> fields(String view) {
        return scope.catalog().fields(view).keySet();
    }

    private static String quoted(List<String> names) {
        return names.isEmpty() ? "nothing" : names.stream().map(n -> "`" + n + "`").reduce((a, b) -> a + ", " + b).get();
    }
}
