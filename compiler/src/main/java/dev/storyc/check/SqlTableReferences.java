package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.Spelling;
import dev.storyc.lookml.model.View;
import dev.storyc.workspace.ArtifactKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the tables SQL reads and writes ({@link SqlTables}): every table of an ETL job's SQL and
 * of a derived table's SQL is created by an included story's deploy.sql or declared external, as
 * {@code sql_table_name} and ETL targets already must be (E0607). Reported at the SQL's line.
 */
final class SqlTableReferences {
    /**
     * One table some SQL uses: the name, where in the rendered text, and the file it is in. The
     * template position is worked out only for a use that is reported: tracing a template's lines
     * is the costly part of a position.
     */
    record TableUse(TableName name, Position renderedAt, CheckedFile file, String what) {
        Position at() {
            return file.at(renderedAt, name.text());
        }
    }

    private SqlTableReferences() {}

    /** Returns every table the environment's ETL SQL and derived tables use. */
    static List<TableUse> uses(Scope scope) {
        List<TableUse> uses = new ArrayList<>();
        for (CheckedFile file : scope.files(ArtifactKind.ETL_SQL)) {
            for (SqlTables.Use use : scope.cache.sqlTables(file.path(), file.text())) {
                uses.add(
                        new TableUse(
                                use.name(),
                                file.renderedPosition(use.offset()),
                                file,
                                "ETL SQL `"
                                        + file.file().fileName()
                                        + "` uses table `"
                                        + use.name()
                                        + "`"));
            }
        }
        for (var def : LookmlReferences.allViews(scope.defined())) {
            View view = def.value();
            view.derivedTable()
                    .flatMap(d -> d.sql())
                    .ifPresent(
                            sql -> {
                                for (SqlTables.Use use : SqlTables.uses(sql.value())) {
                                    uses.add(
                                            new TableUse(
                                                    use.name(),
                                                    TextPositions.at(
                                                            sql.position(),
                                                            sql.value(),
                                                            use.offset()),
                                                    def.file(),
                                                    "the derived table of view `"
                                                            + view.name()
                                                            + "` reads table `"
                                                            + use.name()
                                                            + "`"));
                                }
                            });
        }
        return uses;
    }

    static void check(Scope scope, List<TableUse> uses) {
        List<TableName> externals = TableReferences.externals(scope);
        for (TableUse use : uses) {
            TableName name = use.name();
            if (scope.defined().table(name).isPresent()
                    || externals.stream().anyMatch(e -> TableReferences.matches(e, name))) {
                continue;
            }
            Diagnostic diagnostic =
                    Diagnostic.error(
                            Code.SQL_UNKNOWN_TABLE,
                            use.at(),
                            use.what()
                                    + ", which no story of environment `"
                                    + scope.environment.name()
                                    + "` creates");
            var elsewhere = scope.elsewhere().table(name);
            if (elsewhere.isPresent()) {
                var def = elsewhere.get();
                scope.report(
                        diagnostic
                                .withHint(
                                        "table `"
                                                + name
                                                + "` is created by story `"
                                                + def.story()
                                                + "`, which "
                                                + scope.releasePhrase()
                                                + " does not include; add the story back, or stop"
                                                + " using the table")
                                .withRelated(
                                        Definitions.tablePosition(def),
                                        "`"
                                                + name
                                                + "` is created here, in story `"
                                                + def.story()
                                                + "`"));
                continue;
            }
            Map<String, String> known = new LinkedHashMap<>();
            scope.defined()
                    .tables
                    .forEach(
                            t ->
                                    known.putIfAbsent(
                                            t.value().name().table(), t.value().name().key()));
            scope.report(
                    diagnostic.withHint(
                            Spelling.closest(name.table(), known.keySet())
                                    .map(table -> "did you mean `" + known.get(table) + "`?")
                                    .orElse(
                                            "create it in a story's schema/deploy.sql, or declare"
                                                + " it external for this environment:"
                                                + " variables.external_tables = [\""
                                                    + name.key()
                                                    + "\"] in environments.toml")));
        }
    }
}
