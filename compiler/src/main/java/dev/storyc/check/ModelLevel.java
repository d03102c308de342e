package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Spelling;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.LookmlFile;
import dev.storyc.lookml.model.Usage;
import dev.storyc.lookml.model.UsageKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the model-level LookML a workspace declares once in {@code model/*.lkml} against the
 * stories that use it, both ways: every {@code required_access_grants} entry names an access grant
 * the model declares (E0632), every {@code datagroup_trigger} and {@code persist_with} a datagroup
 * (E0633); an access grant or datagroup nothing uses is a warning (E0635) in environments that
 * include every story. A model file may not
 * hold what storyc generates or what belongs to stories (E0634). Model files are checked as
 * rendered, so their positions are those of the rendered text, which is the template's wherever a
 * line holds no tag.
 */
final class ModelLevel {
    /** What storyc writes itself, or what a story owns: never in a model file. */
    static final Set<String> NOT_IN_MODEL = Set.of("connection", "include", "view", "explore");

    private ModelLevel() {}

    static void check(Scope scope) {
        Map<String, Located> grants = new LinkedHashMap<>();
        Map<String, Located> datagroups = new LinkedHashMap<>();
        List<Usage> modelUsages = new ArrayList<>();
        for (var entry : scope.modelFiles().entrySet()) {
            ParseCache.Lkml parsed = scope.cache.lkml(entry.getKey(), entry.getValue());
            parsed.diagnostics().forEach(scope::report);
            for (Located key : parsed.topLevelKeys()) {
                if (NOT_IN_MODEL.contains(key.value())) {
                    scope.report(
                            Diagnostic.error(
                                            Code.MODEL_FILE_INVALID,
                                            key.position(),
                                            "model file declares `"
                                                    + key.value()
                                                    + ":`, which "
                                                    + (key.value().equals("view")
                                                                    || key.value().equals("explore")
                                                            ? "belongs in a story"
                                                            : "storyc generates for each"
                                                                  + " environment"))
                                    .withHint(
                                            key.value().equals("view")
                                                            || key.value().equals("explore")
                                                    ? "move it into the story that owns it, under"
                                                          + " views/ or explores/"
                                                    : "remove it: the connection comes from"
                                                          + " environments.toml and storyc includes"
                                                          + " every story's files"));
                }
            }
            LookmlFile model = parsed.model();
            model.accessGrants().forEach(g -> grants.putIfAbsent(g.value(), g));
            model.datagroups().forEach(d -> datagroups.putIfAbsent(d.value(), d));
            modelUsages.addAll(model.usages());
        }
        boolean[] unknownGrant = {false};
        boolean[] unknownDatagroup = {false};
        Set<String> usedGrants = new java.util.HashSet<>();
        Set<String> usedDatagroups = new java.util.HashSet<>();
        for (Usage usage : modelUsages) {
            if (usage.kind() == UsageKind.DATAGROUP) {
                usedDatagroups.add(usage.text());
                if (!datagroups.containsKey(usage.text())) {
                    unknownDatagroup[0] = true;
                    unknown(
                            scope,
                            usage.position(),
                            usage,
                            "datagroup",
                            datagroups.keySet(),
                            Code.UNKNOWN_DATAGROUP);
                }
            }
        }
        for (var file : scope.defined().lkmlFiles) {
            List<Usage> usages = new ArrayList<>();
            file.value().model().views().forEach(v -> usages.addAll(v.usages()));
            file.value().model().explores().forEach(e -> usages.addAll(e.usages()));
            for (Usage usage : usages) {
                if (usage.kind() == UsageKind.ACCESS_GRANT) {
                    usedGrants.add(usage.text());
                    if (!grants.containsKey(usage.text())) {
                        unknownGrant[0] = true;
                        unknown(
                                scope,
                                file.file().at(usage.position(), usage.text()),
                                usage,
                                "access grant",
                                grants.keySet(),
                                Code.UNKNOWN_ACCESS_GRANT);
                    }
                } else if (usage.kind() == UsageKind.DATAGROUP) {
                    usedDatagroups.add(usage.text());
                    if (!datagroups.containsKey(usage.text())) {
                        unknownDatagroup[0] = true;
                        unknown(
                                scope,
                                file.file().at(usage.position(), usage.text()),
                                usage,
                                "datagroup",
                                datagroups.keySet(),
                                Code.UNKNOWN_DATAGROUP);
                    }
                }
            }
        }
        // A misspelt use is reported once, as unknown; the declaration it missed is not also
        // unused.
        unused(
                scope,
                grants,
                unknownGrant[0] ? grants.keySet() : usedGrants,
                "access grant",
                "required_access_grants: [NAME] on a field, view, join" + " or explore");
        unused(
                scope,
                datagroups,
                unknownDatagroup[0] ? datagroups.keySet() : usedDatagroups,
                "datagroup",
                "persist_with: NAME in the model or an explore, or"
                        + " datagroup_trigger: NAME in a derived table");
    }

    private static void unknown(
            Scope scope,
            dev.storyc.diag.Position at,
            Usage usage,
            String kind,
            Set<String> known,
            Code code) {
        scope.report(
                Diagnostic.error(
                                code,
                                at,
                                "`"
                                        + usage.key()
                                        + "` names "
                                        + kind
                                        + " `"
                                        + usage.text()
                                        + "`, which the workspace model does not declare")
                        .withHint(
                                Spelling.closest(usage.text(), known)
                                        .map(k -> "did you mean `" + k + "`?")
                                        .orElse(
                                                "declare "
                                                        + kind.replace(
                                                                "access grant", "access_grant")
                                                        + " `"
                                                        + usage.text()
                                                        + "` once for every environment in"
                                                        + " model/*.lkml")));
    }

    /**
     * Warns of declarations nothing uses, only where every story is included: a release that leaves
     * out the one story using a grant is no reason to drop the grant.
     */
    private static void unused(
            Scope scope, Map<String, Located> declared, Set<String> used, String kind, String how) {
        if (!scope.environment.takesAllStories()) {
            return;
        }
        declared.forEach(
                (name, at) -> {
                    if (!used.contains(name)) {
                        scope.report(
                                Diagnostic.warning(
                                                Code.UNUSED_MODEL_DECLARATION,
                                                at.position(),
                                                kind
                                                        + " `"
                                                        + name
                                                        + "` is declared in the workspace model,"
                                                        + " but nothing in environment `"
                                                        + scope.environment.name()
                                                        + "` uses it")
                                        .withHint("use it with " + how + ", or remove it"));
                    }
                });
    }
}
