package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.lookml.model.Explore;
import dev.storyc.lookml.model.Join;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that every view and explore LookML names is defined in the environment: explores'
 * {@code from} and {@code view_name} (or the explore's own name), joins, refinements and
 * {@code extends}. Also reports the LookML syntax errors of the rendered files, at the template.
 */
final class LookmlReferences {
    private LookmlReferences() {}

    static void check(Scope scope) {
        Definitions defined = scope.defined();
        for (var file : defined.lkmlFiles) {
            file.value().diagnostics().forEach(d -> scope.report(file.file().moved(d)));
        }
        for (var def : allViews(defined)) {
            View view = def.value();
            if (view.refinement() && defined.view(view.name()).isEmpty()) {
                unknownView(scope, def.file(), view.name(), afterPlus(view.position()),
                        "view `+" + view.name() + "` refines `" + view.name() + "`");
            }
            for (Located parent : view.extendsViews()) {
                if (defined.view(parent.value()).isEmpty()) {
                    unknownView(scope, def.file(), parent.value(), parent.position(),
                            "view `" + view.name() + "` extends `" + parent.value() + "`");
                }
            }
        }
        for (var def : allExplores(defined)) {
            Explore explore = def.value();
            String label = explore.refinement() ? "+" + explore.name() : explore.name();
            if (explore.refinement() && defined.explore(explore.name()).isEmpty()) {
                unknownExplore(scope, def.file(), explore.name(), afterPlus(explore.position()),
                        "explore `" + label + "` refines `" + explore.name() + "`");
            }
            for (Located parent : explore.extendsExplores()) {
                if (defined.explore(parent.value()).isEmpty()) {
                    unknownExplore(scope, def.file(), parent.value(), parent.position(),
                            "explore `" + label + "` extends `" + parent.value() + "`");
                }
            }
            // Without from or view_name the explore's own name is its view, unless it inherits one.
            boolean namesItsView = !explore.refinement() && !explore.extensionRequired()
                    && explore.extendsExplores().isEmpty();
            explore.from().or(explore::viewName)
                    .or(() -> namesItsView ? Optional.of(new Located(explore.name(), explore.position())) : Optional.empty())
                    .filter(base -> defined.view(base.value()).isEmpty())
                    .ifPresent(base -> unknownView(scope, def.file(), base.value(), base.position(),
                            "explore `" + label + "` reads view `" + base.value() + "`"));
            for (Join join : explore.joins()) {
                String view = join.view();
                if (defined.view(view).isEmpty()) {
                    Position at = join.from().map(Located::position).orElse(join.position());
                    unknownView(scope, def.file(), view, at, "explore `" + label + "` joins `" + view + "`");
                }
            }
        }
    }

    /** Returns the position of a refinement's name past its {@code +}, so the caret marks the name. */
    private static Position afterPlus(Position plus) {
        return plus.hasLine() ? Position.of(plus.file(), plus.line(), plus.column() + 1) : plus;
    }

    static List<Definitions.Def<View>> allViews(Definitions defined) {
        List<Definitions.Def<View>> all = new ArrayList<>();
        defined.views.values().forEach(all::addAll);
        all.addAll(defined.viewRefinements);
        return all;
    }

    static List<Definitions.Def<Explore>> allExplores(Definitions defined) {
        List<Definitions.Def<Explore>> all = new ArrayList<>();
        defined.explores.values().forEach(all::addAll);
        all.addAll(defined.exploreRefinements);
        return all;
    }

    private static void unknownView(Scope scope, CheckedFile file, String name, Position renderedAt, String what) {
        Diagnostic diagnostic = Diagnostic.error(Code.UNKNOWN_VIEW, file.at(renderedAt, name),
                what + ", but environment `" + scope.environment.name() + "` defines no view `" + name + "`");
        scope.report(scope.missing(diagnostic, "view", name, scope.elsewhere().view(name),
                scope.defined().views.keySet(), "define view `" + name + "` in a story this environment includes"));
    }

    private static void unknownExplore(Scope scope, CheckedFile file, String name, Position renderedAt, String what) {
        Diagnostic diagnostic = Diagnostic.error(Code.UNKNOWN_EXPLORE, file.at(renderedAt, name),
                what + ", but environment `" + scope.environment.name() + "` defines no explore `" + name + "`");
        scope.report(scope.missing(diagnostic, "explore", name, scope.elsewhere().explore(name),
                scope.defined().explores.keySet(), "define explore `" + name + "` in a story this environment includes"));
    }
}
