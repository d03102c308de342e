package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Severity;
import dev.storyc.diag.Spelling;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.Usage;
import dev.storyc.lookml.model.UsageKind;
import dev.storyc.lookml.model.View;
import dev.storyc.workspace.ArtifactKind;
import dev.storyc.workspace.SchemaChange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every {@code ${TABLE}.column} of a view against the columns its {@code sql_table_name}
 * has once the included stories' schema scripts have run in plan order (see {@link ColumnCatalog}):
 * what Spectacles' SQL validator finds with a live warehouse, found offline. A view whose columns
 * cannot be known (a derived table, a table no script makes, a {@code SELECT *}) is skipped, with
 * one note per view that {@code --verbose} shows.
 */
final class ColumnReferences {
    private ColumnReferences() {}

    /**
     * Returns the schema scripts of the included stories, in plan order: story by story, and in a
     * story the base change first, then the later ones by number. By path, {@code
     * schema/changes/01-add-x/deploy.sql} sorts before {@code schema/deploy.sql}, so a column a later
     * change added (the documented way to evolve a table) was added to no table yet, then lost.
     */
    static List<ColumnCatalog.Script> scripts(Scope scope) {
        List<CheckedFile> deploys = new ArrayList<>(scope.files(ArtifactKind.SCHEMA_DEPLOY));
        Map<String, Integer> storyOrder = new HashMap<>();
        deploys.forEach(file -> storyOrder.putIfAbsent(file.story().id().value(), storyOrder.size()));
        deploys.sort(Comparator.<CheckedFile>comparingInt(file -> storyOrder.get(file.story().id().value()))
                .thenComparing(file -> SchemaChange.of(file.file().storyRelativePath()).orElseThrow(),
                        Comparator.comparingInt(SchemaChange::ordinal).thenComparing(SchemaChange::name)));
        List<ColumnCatalog.Script> scripts = new ArrayList<>();
        for (CheckedFile file : deploys) {
            scripts.add(
                    new ColumnCatalog.Script(file.story().id().value(), file.path(), file.text()));
        }
        return scripts;
    }

    static void check(Scope scope) {
        ColumnTables tables = scope.cache.columns(scripts(scope));
        LookmlCatalog catalog = scope.catalog();
        Set<String> noted = new HashSet<>();
        for (var def : LookmlReferences.allViews(scope.defined())) {
            View view = def.value();
            List<Usage> columns =
                    view.usages().stream().filter(u -> u.kind() == UsageKind.COLUMN).toList();
            if (view.extensionRequired() || !catalog.hasView(view.name()) || columns.isEmpty()) {
                continue;
            }
            Source source = source(catalog, view.name());
            Optional<ColumnCatalog.Columns> table =
                    source.table()
                            .flatMap(t -> scope.viewTable(t.value()))
                            .flatMap(tables::lookup);
            String unknown =
                    source.derived()
                            ? "it is a derived table"
                            : source.table().isEmpty()
                                    ? "it has no sql_table_name"
                                    : scope.viewTable(source.table().get().value()).isEmpty()
                                            ? "its sql_table_name `"
                                                    + source.table().get().value()
                                                    + "` is not a plain table name"
                                            : table.isEmpty()
                                                    ? "no included story's schema script creates `"
                                                            + source.table().get().value()
                                                            + "`"
                                                    : table.get()
                                                            .unknownBecause()
                                                            .map(
                                                                    why ->
                                                                            "`"
                                                                                    + table.get()
                                                                                            .table()
                                                                                    + "`: "
                                                                                    + why)
                                                            .orElse(null);
            if (unknown != null) {
                if (noted.add(view.name())) {
                    scope.report(
                            new Diagnostic(
                                    Severity.NOTE,
                                    Code.COLUMNS_NOT_KNOWN,
                                    def.position(),
                                    "the columns of view `"
                                            + view.name()
                                            + "` cannot be known offline, because "
                                            + unknown
                                            + "; its ${TABLE}.column references are not checked",
                                    Optional.empty(),
                                    List.of()));
                }
                continue;
            }
            ColumnCatalog.Columns known = table.get();
            for (Usage usage : columns) {
                if (!known.has(folded(usage.text()))) {
                    reportMissing(scope, def, usage, known, view.name(), Optional.empty());
                }
            }
        }
        InheritedColumns.check(scope, tables);
    }

    /**
     * Reports a {@code ${TABLE}.column} the table does not have; {@code extending} names the view
     * that inherits the field and reads that table, when it is not the field's own view.
     */
    static void reportMissing(Scope scope, Definitions.Def<View> def, Usage usage, ColumnCatalog.Columns known,
            String viewName, Optional<String> extending) {
        String column = folded(usage.text());
        Diagnostic diagnostic =
                Diagnostic.error(
                                Code.UNKNOWN_COLUMN,
                                def.file().at(usage.position(), usage.text()),
                                "`${TABLE}."
                                        + usage.text()
                                        + "` in "
                                        + usage.field().map(f -> "field `" + f + "` of ").orElse("")
                                        + "view `"
                                        + viewName
                                        + "`"
                                        + extending.map(e -> ", which view `" + e + "` extends,").orElse("")
                                        + " names a column that table `"
                                        + known.table()
                                        + "` does not have")
                        .withHint(
                                Spelling.closest(column, known.names())
                                        .map(c -> "did you mean `${TABLE}." + c + "`?")
                                        .orElse(
                                                "add the column to the table in a schema script, or fix"
                                                        + " the name; `"
                                                        + known.table()
                                                        + (known.names().isEmpty() ? "` has no columns left"
                                                                : "` has " + FieldReferences.quoted(known.names()))));
        var created = scope.defined().table(known.table());
        if (created.isPresent()) {
            diagnostic = diagnostic.withRelated(Definitions.tablePosition(created.get()),
                    "table `" + known.table() + "` is created here, in story `" + created.get().story() + "`");
        }
        if (!known.script().story().equals(known.created().story())) {
            // Another story's change shaped the table last, and may be what dropped the column.
            diagnostic = diagnostic.withRelated(dev.storyc.diag.Position.ofFile(known.script().path()),
                    "table `" + known.table() + "` was last changed by story `" + known.script().story() + "`");
        }
        scope.report(diagnostic);
    }

    /**
     * Where a view's rows come from, its refinements and the views it extends merged: the last word
     * wins.
     */
    record Source(Optional<Located> table, boolean derived) {}

    static Source source(LookmlCatalog catalog, String view) {
        return source(catalog, view, new HashSet<>());
    }

    private static Source source(LookmlCatalog catalog, String view, Set<String> seen) {
        if (!seen.add(view)) {
            return new Source(Optional.empty(), false);
        }
        Optional<Located> table = Optional.empty();
        boolean derived = false;
        List<View> parts = catalog.parts(view);
        for (View part : parts) {
            for (Located parent : part.extendsViews()) {
                Source inherited = source(catalog, parent.value(), seen);
                if (inherited.table().isPresent() || inherited.derived()) {
                    table = inherited.table();
                    derived = inherited.derived();
                }
            }
        }
        for (View part : parts) {
            if (part.sqlTableName().isPresent()) {
                table = part.sqlTableName();
                derived = false;
            } else if (part.derivedTable().isPresent()) {
                table = Optional.empty();
                derived = true;
            }
        }
        return new Source(table, derived);
    }

    static String folded(String column) {
        return column.startsWith("\"") && column.endsWith("\"") && column.length() >= 2
                ? column.substring(1, column.length() - 1)
                : column.toLowerCase(Locale.ROOT);
    }
}
