package dev.storyc.check;

import dev.storyc.lookml.model.Field;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.Usage;
import dev.storyc.lookml.model.UsageKind;
import dev.storyc.lookml.model.View;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the {@code ${TABLE}.column} of fields a view inherits through {@code extends} against the
 * table of each view that extends it (E0626): Looker runs an inherited field over the extending
 * view's table, not its own. {@link ColumnReferences} checks a view's fields over its own table
 * and skips {@code extension: required} templates, which have none, so a column misspelt in a
 * template passed check in every view that used it (round 13).
 *
 * <p>A field an extending view redefines without {@code ${EXTENDED}} no longer runs the parent's
 * SQL there, so it is not checked against that view's table.
 */
final class InheritedColumns {
    private InheritedColumns() {}

    static void check(Scope scope, ColumnTables tables) {
        LookmlCatalog catalog = scope.catalog();
        List<Definitions.Def<View>> views = LookmlReferences.allViews(scope.defined());
        Map<String, Set<String>> children = new LinkedHashMap<>();
        for (Definitions.Def<View> def : views) {
            for (Located parent : def.value().extendsViews()) {
                children.computeIfAbsent(parent.value(), p -> new LinkedHashSet<>()).add(def.value().name());
            }
        }
        Set<String> reported = new HashSet<>();
        for (Definitions.Def<View> def : views) {
            View view = def.value();
            List<Usage> columns = view.usages().stream().filter(u -> u.kind() == UsageKind.COLUMN).toList();
            if (columns.isEmpty() || !children.containsKey(view.name())) {
                continue;
            }
            Optional<Located> ownTable = view.extensionRequired() ? Optional.empty()
                    : ColumnReferences.source(catalog, view.name()).table();
            new Walk(scope, tables, catalog, children, def, columns, ownTable, reported)
                    .from(view.name(), new HashSet<>(Set.of(view.name())), Set.of());
        }
    }

    /** The views below one view's part, walked down the extends tree. */
    private record Walk(Scope scope, ColumnTables tables, LookmlCatalog catalog, Map<String, Set<String>> children,
            Definitions.Def<View> def, List<Usage> columns, Optional<Located> ownTable, Set<String> reported) {
        void from(String parent, Set<String> seen, Set<String> redefinedAbove) {
            for (String child : children.getOrDefault(parent, Set.of())) {
                if (!seen.add(child) || !catalog.hasView(child)) {
                    continue;
                }
                Set<String> redefined = new HashSet<>(redefinedAbove);
                for (View part : catalog.parts(child)) {
                    for (Field field : part.fields()) {
                        if (field.sql().filter(sql -> !sql.value().contains("${EXTENDED}")).isPresent()) {
                            redefined.add(field.name());
                        }
                    }
                }
                if (catalog.parts(child).stream().noneMatch(View::extensionRequired)) {
                    checkOver(child, redefined);
                }
                from(child, seen, redefined);
            }
        }

        private void checkOver(String child, Set<String> redefined) {
            ColumnReferences.Source source = ColumnReferences.source(catalog, child);
            if (source.derived() || source.table().isEmpty()
                    || source.table().map(Located::value).equals(ownTable.map(Located::value))) {
                return;
            }
            Optional<ColumnCatalog.Columns> table = scope.viewTable(source.table().get().value())
                    .flatMap(tables::lookup).filter(ColumnCatalog.Columns::known);
            if (table.isEmpty()) {
                return;
            }
            for (Usage usage : columns) {
                boolean inherited = usage.field().map(f -> !redefined.contains(f)).orElse(true);
                if (inherited && !table.get().has(ColumnReferences.folded(usage.text()))
                        && reported.add(usage.position() + " " + table.get().table().key())) {
                    ColumnReferences.reportMissing(scope, def, usage, table.get(), def.value().name(),
                            Optional.of(child));
                }
            }
        }
    }
}
