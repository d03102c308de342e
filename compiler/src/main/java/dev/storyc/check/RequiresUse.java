package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.lookml.model.DashboardElement;
import dev.storyc.lookml.model.DashboardFilter;
import dev.storyc.lookml.model.Explore;
import dev.storyc.lookml.model.Join;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.View;
import dev.storyc.workspace.ArtifactKind;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks {@code requires} against what stories actually use: when story A's LookML, dashboards,
 * SQL or ETL use a view, explore or table that story B defines, A must require B. Without it a
 * release can leave B out and compile A against nothing; environments with {@code release = "all"}
 * would never notice, because they include B anyway. One report per pair of stories, at the first
 * use, naming the line of story.toml to change. A dashboard field that a refinement adds is a use
 * of the refinement's story, unless that story requires the dashboard's.
 */
final class RequiresUse {
    /**
     * A story using what another defines, at a position in the rendered text; the template
     * position is worked out only for a use that is reported.
     */
    private record Use(
            CheckedFile file, Position renderedAt, String token, String what, StoryId definer) {
        Position at() {
            return file.at(renderedAt, token);
        }
    }

    private RequiresUse() {}

    static void check(
            Scope scope, List<EtlJobs.Target> targets, List<SqlTableReferences.TableUse> sqlUses) {
        Definitions defined = scope.defined();
        List<Use> uses = new ArrayList<>();
        for (var def : LookmlReferences.allViews(defined)) {
            View view = def.value();
            inheritance(def, "view", view.name(), view.refinement(), view.extendsViews(),
                    defined::view, uses);
            view.sqlTableName()
                    .flatMap(t -> scope.viewTable(t.value()))
                    .ifPresent(
                            name ->
                                    defined.table(name)
                                            .ifPresent(
                                                    t ->
                                                            uses.add(
                                                                    new Use(
                                                                            def.file(),
                                                                            view.sqlTableName()
                                                                                    .get()
                                                                                    .position(),
                                                                            name.table(),
                                                                            "reads table `"
                                                                                    + name
                                                                                    + "`",
                                                                            t.story()))));
        }
        for (var def : LookmlReferences.allExplores(defined)) {
            Explore explore = def.value();
            inheritance(def, "explore", explore.name(), explore.refinement(),
                    explore.extendsExplores(), defined::explore, uses);
            Optional<Located> base = explore.from().or(explore::viewName);
            if (base.isEmpty() && !explore.refinement() && explore.extendsExplores().isEmpty()) {
                base = Optional.of(new Located(explore.name(), explore.position()));
            }
            base.ifPresent(
                    b ->
                            defined.view(b.value())
                                    .ifPresent(
                                            d ->
                                                    uses.add(
                                                            new Use(
                                                                    def.file(),
                                                                    b.position(),
                                                                    b.value(),
                                                                    "reads view `"
                                                                            + b.value()
                                                                            + "`",
                                                                    d.story()))));
            for (Join join : explore.joins()) {
                Position at = join.from().map(Located::position).orElse(join.position());
                defined.view(join.view())
                        .ifPresent(
                                d ->
                                        uses.add(
                                                new Use(
                                                        def.file(),
                                                        at,
                                                        join.view(),
                                                        "joins view `" + join.view() + "`",
                                                        d.story())));
            }
        }
        for (var dashboards : defined.dashboards.values()) {
            for (var def : dashboards) {
                List<Optional<Located>> explores = new ArrayList<>();
                def.value().elements().stream()
                        .map(DashboardElement::explore)
                        .forEach(explores::add);
                def.value().filters().stream().map(DashboardFilter::explore).forEach(explores::add);
                for (Optional<Located> explore : explores) {
                    explore.ifPresent(
                            e ->
                                    defined.explore(e.value())
                                            .ifPresent(
                                                    d ->
                                                            uses.add(
                                                                    new Use(
                                                                            def.file(),
                                                                            e.position(),
                                                                            e.value(),
                                                                            "queries explore `"
                                                                                    + e.value()
                                                                                    + "`",
                                                                            d.story()))));
                }
            }
        }
        for (EtlJobs.Target target : targets) {
            TableName.parse(target.value())
                    .flatMap(defined::table)
                    .ifPresent(
                            t ->
                                    uses.add(
                                            new Use(
                                                    target.file(),
                                                    target.renderedAt(),
                                                    "target",
                                                    "writes table `" + target.value() + "`",
                                                    t.story())));
        }
        for (SqlTableReferences.TableUse use : sqlUses) {
            defined.table(use.name())
                    .ifPresent(
                            t ->
                                    uses.add(
                                            new Use(
                                                    use.file(),
                                                    use.renderedAt(),
                                                    use.name().text(),
                                                    "uses table `" + use.name() + "`",
                                                    t.story())));
        }
        deployUses(scope, uses);
        refinedFieldUses(scope, uses);
        report(scope, uses);
    }

    /**
     * A deploy script that builds on another story's table (a view over it, a foreign key to it, a
     * backfill from it) needs that story deployed first and reverted last: without requires, the
     * release may back the table's story out, and its revert then fails on the dependent object or,
     * with CASCADE, silently drops it (round 22). Only tables a story defines count here; what a
     * deploy reads from outside storyc is the team's business, not a check.
     */
    private static void deployUses(Scope scope, List<Use> uses) {
        for (CheckedFile file : scope.files(ArtifactKind.SCHEMA_DEPLOY)) {
            for (SqlTables.Use use : scope.cache.sqlTables(file.path(), file.text())) {
                scope.defined().table(use.name()).ifPresent(table -> uses.add(new Use(file,
                        file.renderedPosition(use.offset()), use.name().text(),
                        "builds on table `" + use.name() + "` in its deploy.sql", table.story())));
            }
        }
    }

    /**
     * Records the uses a view or an explore makes by refining or extending another: both kinds
     * inherit the same way and differ only in the lookup and the word in the message.
     */
    private static void inheritance(
            Definitions.Def<?> def,
            String kind,
            String name,
            boolean refinement,
            List<Located> parents,
            Function<String, Optional<? extends Definitions.Def<?>>> lookup,
            List<Use> uses) {
        if (refinement) {
            lookup.apply(name).ifPresent(d -> uses.add(new Use(def.file(), def.renderedPosition(),
                    name, "refines " + kind + " `" + name + "`", d.story())));
        }
        for (Located parent : parents) {
            lookup.apply(parent.value()).ifPresent(d -> uses.add(new Use(def.file(),
                    parent.position(), parent.value(),
                    "extends " + kind + " `" + parent.value() + "`", d.story())));
        }
    }

    /**
     * Records each dashboard field that a refinement of its view adds, as a use of the
     * refinement's story: without it the field exists only where that story is included, and a
     * release that left it out broke the tile while check passed on main (round 13).
     */
    private static void refinedFieldUses(Scope scope, List<Use> uses) {
        Definitions defined = scope.defined();
        java.util.Map<String, java.util.Map<String, StoryId>> added = new java.util.HashMap<>();
        for (var def : defined.viewRefinements) {
            Set<String> own = defined.view(def.value().name()).map(base -> base.value().fieldNames())
                    .orElse(Set.of());
            for (var field : def.value().fields()) {
                field.names().stream().filter(name -> !own.contains(name)).forEach(name -> added
                        .computeIfAbsent(def.value().name(), v -> new java.util.HashMap<>()).put(name, def.story()));
            }
        }
        if (added.isEmpty()) {
            return;
        }
        for (var dashboards : defined.dashboards.values()) {
            for (var def : dashboards) {
                for (DashboardElement element : def.value().elements()) {
                    if (element.explore().isEmpty()) {
                        continue;
                    }
                    java.util.Map<String, String> views = scope.catalog().qualifiers(element.explore().get().value());
                    List<Located> used = new ArrayList<>(element.fields());
                    used.addAll(element.sortFields());
                    used.addAll(element.pivots());
                    element.filters().forEach(filter -> used.add(filter.key()));
                    for (Located field : used) {
                        String reference = field.value().strip();
                        int dot = reference.indexOf('.');
                        StoryId definer = dot < 0 ? null : added
                                .getOrDefault(views.getOrDefault(reference.substring(0, dot), ""), java.util.Map.of())
                                .get(reference.substring(dot + 1));
                        // A refinement by a story that requires this one cannot be required back: its
                        // field is the definer's to keep, and a release without it fails at E0605.
                        if (definer != null && !scope.requires(definer, def.story())) {
                            uses.add(new Use(def.file(), field.position(), reference,
                                    "uses field `" + reference + "`", definer));
                        }
                    }
                }
            }
        }
    }

    private static void report(Scope scope, List<Use> uses) {
        Set<String> reported = new HashSet<>();
        List<Use> missing = new ArrayList<>();
        for (Use use : uses) {
            Story user = use.file().story();
            if (!use.definer().equals(user.id())
                    && !user.manifest().requiredIds().contains(use.definer())) {
                missing.add(use);
            }
        }
        // Rendered positions sort as template positions do: by file, then line.
        missing.sort(java.util.Comparator.comparing(Use::renderedAt));
        for (Use use : missing) {
            Story user = use.file().story();
            if (!reported.add(user.id() + " " + use.definer())) {
                continue;
            }
            scope.report(
                    Diagnostic.error(
                                    Code.MISSING_REQUIRES,
                                    use.at(),
                                    "story `"
                                            + user.id()
                                            + "` "
                                            + use.what()
                                            + ", which story `"
                                            + use.definer()
                                            + "` defines, but `"
                                            + user.id()
                                            + "` does not require `"
                                            + use.definer()
                                            + "`")
                            .withHint(addition(user, use.definer())));
        }
    }

    /** Returns the edit to story.toml that fixes the problem, with its line. */
    private static String addition(Story story, StoryId missing) {
        List<String> ids = new ArrayList<>();
        story.manifest().requiredIds().forEach(id -> ids.add("\"" + id.value() + "\""));
        ids.add("\"" + missing.value() + "\"");
        String line = "requires = [" + String.join(", ", ids) + "]";
        String path = story.manifestSource().path();
        List<String> lines = story.manifestSource().text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).stripLeading().startsWith("requires")) {
                return "change line " + (i + 1) + " of " + path + " to `" + line + "`";
            }
        }
        return "add the line `" + line + "` to " + path;
    }
}
