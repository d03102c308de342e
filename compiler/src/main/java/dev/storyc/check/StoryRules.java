package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.lookml.model.Located;
import dev.storyc.workspace.ArtifactKind;
import dev.storyc.workspace.Story;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every story keeps: nothing is defined twice across stories, story LookML leaves the
 * model to storyc (no {@code connection:}, no {@code include:}, no model-level settings), and every
 * deploy.sql has a revert.sql so that the story can be backed out.
 */
final class StoryRules {
    /** Top-level keys that only a model file may hold; storyc generates the model. */
    static final Set<String> MODEL_KEYS = Set.of("connection", "include", "datagroup", "persist_with",
            "persist_for", "week_start_day", "fiscal_month_offset", "case_sensitive", "access_grant",
            "named_value_format");

    private StoryRules() {}

    static void check(Scope scope) {
        definedOnce(scope, "view", scope.defined().views);
        definedOnce(scope, "explore", scope.defined().explores);
        definedOnce(scope, "dashboard", scope.defined().dashboards);
        tablesCreatedOnce(scope);
        noModelKeys(scope);
        revertBesideDeploy(scope);
    }

    private static <T> void definedOnce(Scope scope, String kind, Map<String, List<Definitions.Def<T>>> byName) {
        byName.forEach((name, definitions) -> {
            Definitions.Def<T> first = definitions.get(0);
            for (Definitions.Def<T> again : definitions.subList(1, definitions.size())) {
                String where = again.story().equals(first.story())
                        ? "story `" + first.story() + "` defines it twice"
                        : "stories `" + first.story() + "` and `" + again.story() + "` both define it";
                scope.report(Diagnostic.error(Code.DEFINED_TWICE, again.position(),
                                kind + " `" + name + "` is defined twice: " + where)
                        .withHint(kind.equals("dashboard") ? "rename one of them"
                                : "rename one of them, or refine the first with `" + kind + ": +" + name + "`")
                        .withRelated(first.position(), "previously defined here, in story `" + first.story() + "`"));
            }
        });
    }

    private static void tablesCreatedOnce(Scope scope) {
        Map<String, Definitions.Def<SqlScanner.Created>> first = new LinkedHashMap<>();
        for (var table : scope.defined().tables) {
            String key = table.value().name().key();
            var previous = first.putIfAbsent(key, table);
            if (previous != null && !previous.story().equals(table.story())) {
                scope.report(Diagnostic.error(Code.DEFINED_TWICE, Definitions.tablePosition(table),
                                "table `" + table.value().name() + "` is created twice: stories `" + previous.story()
                                        + "` and `" + table.story() + "` both create it")
                        .withHint("one story owns a table; the others `requires` that story and read it")
                        .withRelated(Definitions.tablePosition(previous),
                                "previously defined here, in story `" + previous.story() + "`"));
            }
        }
    }

    private static void noModelKeys(Scope scope) {
        for (var file : scope.defined().lkmlFiles) {
            CheckedFile checked = file.file();
            for (Located key : file.value().topLevelKeys()) {
                if (MODEL_KEYS.contains(key.value())) {
                    Position at = checked.at(key.position(), key.value());
                    scope.report(Diagnostic.error(Code.STORY_DECLARES_MODEL, at,
                                    "story `" + checked.story().id() + "` declares `" + key.value()
                                            + ":`, which belongs to the model")
                            .withHint(ModelLevel.NOT_IN_MODEL.contains(key.value())
                                    ? "storyc generates the model file for each environment, with its connection"
                                            + " and an include for every story's files; remove this from the story"
                                    : "declare `" + key.value() + "` once for the workspace in model/*.lkml, which"
                                            + " storyc renders into every environment's model file; stories may"
                                            + " then use it (required_access_grants, datagroup_trigger)"));
                }
            }
        }
    }

    private static void revertBesideDeploy(Scope scope) {
        for (Story story : scope.selection.stories()) {
            var deploy = story.filesOf(ArtifactKind.SCHEMA_DEPLOY);
            if (!deploy.isEmpty() && story.filesOf(ArtifactKind.SCHEMA_REVERT).isEmpty()) {
                String path = deploy.get(0).source().path();
                scope.report(Diagnostic.error(Code.DEPLOY_WITHOUT_REVERT, Position.ofFile(path),
                                "story `" + story.id() + "` has schema/deploy.sql but no schema/revert.sql")
                        .withHint("add schema/revert.sql that undoes deploy.sql (DROP what it creates),"
                                + " so that backing the story out of a release can remove it"));
            }
        }
    }
}
