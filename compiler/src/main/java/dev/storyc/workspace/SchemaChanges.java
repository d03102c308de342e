package dev.storyc.workspace;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Position;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A story's schema changes in apply order, each with its scripts, and the rules that make the list
 * well formed: names and numbers unique, every change with a deploy and a revert script, and no
 * later change without the first. See {@link SchemaChange} for the layout.
 */
public final class SchemaChanges {
    /** One change and its scripts; {@code verify} is optional. */
    public record Scripts(
            SchemaChange change,
            Optional<StoryFile> deploy,
            Optional<StoryFile> revert,
            Optional<StoryFile> verify) {}

    private SchemaChanges() {}

    /** Returns the story's changes in apply order: base first, then by number. */
    public static List<Scripts> of(List<StoryFile> files) {
        Map<String, SchemaChange> changes = new TreeMap<>();
        Map<String, Map<ArtifactKind, StoryFile>> scripts = new LinkedHashMap<>();
        for (StoryFile file : files) {
            if (!file.kind().isSchemaScript()) {
                continue;
            }
            SchemaChange change = SchemaChange.of(file.storyRelativePath()).orElseThrow();
            changes.putIfAbsent(change.folder(), change);
            scripts.computeIfAbsent(change.folder(), f -> new LinkedHashMap<>())
                    .put(file.kind(), file);
        }
        List<Scripts> ordered = new ArrayList<>();
        changes.values().stream()
                .sorted(
                        Comparator.comparingInt(SchemaChange::ordinal)
                                .thenComparing(SchemaChange::name))
                .forEach(
                        change -> {
                            Map<ArtifactKind, StoryFile> byKind = scripts.get(change.folder());
                            ordered.add(
                                    new Scripts(
                                            change,
                                            Optional.ofNullable(
                                                    byKind.get(ArtifactKind.SCHEMA_DEPLOY)),
                                            Optional.ofNullable(
                                                    byKind.get(ArtifactKind.SCHEMA_REVERT)),
                                            Optional.ofNullable(
                                                    byKind.get(ArtifactKind.SCHEMA_VERIFY))));
                        });
        return ordered;
    }

    /** Reports the problems of a story's list of changes. */
    public static void validate(StoryId story, List<StoryFile> files, Diagnostics diagnostics) {
        String prefix = "stories/" + story + "/";
        List<Scripts> changes = of(files);
        Map<String, Scripts> byName = new TreeMap<>();
        Map<Integer, Scripts> byNumber = new TreeMap<>();
        boolean hasBase = changes.stream().anyMatch(c -> c.change().ordinal() == 0);
        for (Scripts scripts : changes) {
            SchemaChange change = scripts.change();
            Position at = Position.ofFile(prefix + change.folder() + "/deploy.sql");
            Scripts sameName = byName.putIfAbsent(change.name(), scripts);
            Scripts sameNumber =
                    change.ordinal() == 0 ? null : byNumber.putIfAbsent(change.ordinal(), scripts);
            if (sameName != null || sameNumber != null) {
                Scripts other = sameName != null ? sameName : sameNumber;
                diagnostics.add(
                        Diagnostic.error(
                                        Code.SCHEMA_CHANGE_DUPLICATE,
                                        at,
                                        "`"
                                                + change.folder()
                                                + "` and `"
                                                + other.change().folder()
                                                + "` share a "
                                                + (sameName != null ? "name" : "number"))
                                .withHint(
                                        "every change of a story needs its own number and name; its"
                                            + " id is `"
                                                + story
                                                + "/"
                                                + change.name()
                                                + "`"));
                continue;
            }
            if (change.ordinal() > 0 && !hasBase) {
                // At the missing file, as warehouse.md says, where an editor can create it.
                diagnostics.add(
                        Diagnostic.error(
                                        Code.SCHEMA_CHANGE_INCOMPLETE,
                                        Position.ofFile(prefix + "schema/deploy.sql"),
                                        "story `"
                                                + story
                                                + "` has `"
                                                + change.folder()
                                                + "` but no schema/deploy.sql")
                                .withHint(
                                        "schema/deploy.sql is the story's first change; later"
                                            + " changes build on it"));
            }
            if (change.ordinal() > 0
                    && (scripts.deploy().isEmpty() || scripts.revert().isEmpty())) {
                String missing = scripts.deploy().isEmpty() ? "deploy.sql" : "revert.sql";
                diagnostics.add(
                        Diagnostic.error(
                                        Code.SCHEMA_CHANGE_INCOMPLETE,
                                        Position.ofFile(prefix + change.folder() + "/" + missing),
                                        "change `"
                                                + story
                                                + "/"
                                                + change.name()
                                                + "` has no "
                                                + missing)
                                .withHint(
                                        "a change is deploy.sql, which changes the schema, and"
                                            + " revert.sql, which undoes exactly that; verify.sql"
                                            + " is optional"));
            }
        }
    }
}
