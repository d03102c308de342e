package dev.storyc.check;

import dev.storyc.diag.Position;
import dev.storyc.lookml.dashboard.ParsedDashboards;
import dev.storyc.lookml.model.Dashboard;
import dev.storyc.lookml.model.Explore;
import dev.storyc.lookml.model.View;
import dev.storyc.workspace.StoryId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Definitions is what a set of rendered story files defines: views, explores, dashboards (with
 * their refinements) and the relations their deploy.sql scripts create, each with the file it came
 * from. Built for the stories an environment includes, and lazily for the ones it leaves out, so
 * a hint can name the story that would provide a missing name.
 */
final class Definitions {
    /** One definition: a name, what defines it, and where. */
    record Def<T>(String name, T value, CheckedFile file, Position renderedPosition) {
        /** Returns the template position of the definition. */
        Position position() {
            return file.at(renderedPosition, name);
        }

        StoryId story() {
            return file.story().id();
        }
    }

    final Map<String, List<Def<View>>> views = new LinkedHashMap<>();
    final List<Def<View>> viewRefinements = new ArrayList<>();
    final Map<String, List<Def<Explore>>> explores = new LinkedHashMap<>();
    final List<Def<Explore>> exploreRefinements = new ArrayList<>();
    final Map<String, List<Def<Dashboard>>> dashboards = new LinkedHashMap<>();
    final List<Def<SqlScanner.Created>> tables = new ArrayList<>();
    /** The created relations by their own name (no schema), so a lookup reads only namesakes. */
    private final Map<String, List<Def<SqlScanner.Created>>> tablesByName = new java.util.HashMap<>();
    final List<Def<ParseCache.Lkml>> lkmlFiles = new ArrayList<>();
    final List<Def<ParsedDashboards>> dashboardFiles = new ArrayList<>();

    static Definitions of(List<CheckedFile> files, ParseCache.Lookups cache) {
        Definitions definitions = new Definitions();
        for (CheckedFile file : files) {
            switch (file.file().kind()) {
                case VIEW, EXPLORE -> definitions.addLookml(file, cache.lkml(file.path(), file.text()));
                case DASHBOARD -> definitions.addDashboards(file, cache.dashboard(file.path(), file.text()));
                case SCHEMA_DEPLOY -> {
                    for (SqlScanner.Created created : cache.createdRelations(file.path(), file.text())) {
                        Def<SqlScanner.Created> def = new Def<>(created.name().text(), created, file,
                                Position.ofFile(file.path()));
                        definitions.tables.add(def);
                        definitions.tablesByName.computeIfAbsent(created.name().table(), k -> new ArrayList<>()).add(def);
                    }
                }
                case SCHEMA_REVERT, SCHEMA_VERIFY, ETL_JOB, ETL_SQL, TEST_SQL -> { }
            }
        }
        return definitions;
    }

    private void addLookml(CheckedFile file, ParseCache.Lkml parsed) {
        lkmlFiles.add(new Def<>(file.path(), parsed, file, Position.ofFile(file.path())));
        for (View view : parsed.model().views()) {
            Def<View> def = new Def<>(view.name(), view, file, view.position());
            if (view.refinement()) {
                viewRefinements.add(def);
            } else {
                views.computeIfAbsent(view.name(), k -> new ArrayList<>()).add(def);
            }
        }
        for (Explore explore : parsed.model().explores()) {
            Def<Explore> def = new Def<>(explore.name(), explore, file, explore.position());
            if (explore.refinement()) {
                exploreRefinements.add(def);
            } else {
                explores.computeIfAbsent(explore.name(), k -> new ArrayList<>()).add(def);
            }
        }
    }

    private void addDashboards(CheckedFile file, ParsedDashboards parsed) {
        dashboardFiles.add(new Def<>(file.path(), parsed, file, Position.ofFile(file.path())));
        for (Dashboard dashboard : parsed.dashboards()) {
            dashboards.computeIfAbsent(dashboard.name(), k -> new ArrayList<>())
                    .add(new Def<>(dashboard.name(), dashboard, file, dashboard.position()));
        }
    }

    Optional<Def<View>> view(String name) {
        return first(views.get(name));
    }

    Optional<Def<Explore>> explore(String name) {
        return first(explores.get(name));
    }

    /** Returns the relation of a deploy.sql that a reference means, if any script creates it. */
    Optional<Def<SqlScanner.Created>> table(TableName reference) {
        return tablesByName.getOrDefault(reference.table(), List.of()).stream()
                .filter(t -> reference.refersTo(t.value().name())).findFirst();
    }

    /** Returns the position of a created relation: the line of its name in deploy.sql. */
    static Position tablePosition(Def<SqlScanner.Created> table) {
        return table.file().atOffset(table.value().offset(), table.value().name().text());
    }

    private static <T> Optional<T> first(List<T> list) {
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }
}
