package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.Spelling;
import dev.storyc.lookml.model.View;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that every table LookML and ETL read or write exists in the environment: each
 * {@code sql_table_name} and each ETL {@code target} is created by the deploy.sql of an included
 * story, or is declared external for the environment in {@code variables.external_tables}, a list
 * of {@code schema.table} names where {@code schema.*} stands for every table of a schema.
 */
final class TableReferences {
    static final String EXTERNAL_TABLES = "external_tables";

    private TableReferences() {}

    static void check(Scope scope, List<EtlJobs.Target> targets) {
        List<TableName> externals = externals(scope);
        for (var def : LookmlReferences.allViews(scope.defined())) {
            View view = def.value();
            view.sqlTableName().ifPresent(table -> scope.viewTable(table.value()).ifPresent(name ->
                    reference(scope, externals, name, def.file(), table.position(),
                            "view `" + (view.refinement() ? "+" : "") + view.name() + "` reads table `" + name + "`")));
        }
        for (EtlJobs.Target target : targets) {
            String job = target.file().file().fileName().replace(".job.toml", "");
            Optional<TableName> name = TableName.parse(target.value());
            if (name.isEmpty()) {
                scope.report(Diagnostic.error(Code.ETL_JOB_INVALID, target.file().at(target.renderedAt(), "target"),
                                "ETL job `" + job + "` has target `" + target.value() + "`, which is not a table name")
                        .withHint("write the table as schema.table, such as \"<% env.warehouse.schema %>.patients\""));
                continue;
            }
            reference(scope, externals, name.get(), target.file(), target.renderedAt(),
                    "ETL job `" + job + "` writes table `" + name.get() + "`");
        }
    }

    private static void reference(Scope scope, List<TableName> externals, TableName name, CheckedFile file,
            Position renderedAt, String what) {
        if (scope.defined().table(name).isPresent() || externals.stream().anyMatch(e -> matches(e, name))) {
            return;
        }
        Position at = file.at(renderedAt, name.table());
        Diagnostic diagnostic = Diagnostic.error(Code.UNKNOWN_TABLE, at,
                what + ", which no story of environment `" + scope.environment.name() + "` creates");
        var elsewhere = scope.elsewhere().table(name);
        if (elsewhere.isPresent()) {
            var def = elsewhere.get();
            scope.report(diagnostic
                    .withHint("table `" + name + "` is created by story `" + def.story() + "`, which "
                            + scope.releasePhrase() + " does not include; add the story back, or stop using the table")
                    .withRelated(Definitions.tablePosition(def), "`" + name + "` is created here, in story `"
                            + def.story() + "`"));
            return;
        }
        // Suggest by the table's own name: schemas are alike everywhere and would make any two names close.
        Map<String, String> known = new LinkedHashMap<>();
        scope.defined().tables.forEach(t -> known.putIfAbsent(t.value().name().table(), t.value().name().key()));
        scope.report(diagnostic.withHint(Spelling.closest(name.table(), known.keySet())
                .map(table -> "did you mean `" + known.get(table) + "`?").orElse(
                "create it in a story's schema/deploy.sql, or declare it external for this environment:"
                        + " variables.external_tables = [\"" + name.key() + "\"] in environments.toml")));
    }

    /** Returns true when an external declaration covers a table; {@code schema.*} covers a schema. */
    static boolean matches(TableName external, TableName table) {
        if (external.table().equals("*")) {
            return table.schema().isPresent() && external.schema().equals(table.schema());
        }
        return table.refersTo(external);
    }

    /**
     * Reads {@code variables.external_tables}, once per scope; an entry that is not a table name
     * is an error.
     */
    static List<TableName> externals(Scope scope) {
        if (scope.externals == null) {
            scope.externals = readExternals(scope);
        }
        return scope.externals;
    }

    private static List<TableName> readExternals(Scope scope) {
        List<TableName> externals = new ArrayList<>();
        Object variables = scope.environment.values().get("variables");
        if (!(variables instanceof Map<?, ?> map) || !map.containsKey(EXTERNAL_TABLES)) {
            return externals;
        }
        Object declared = map.get(EXTERNAL_TABLES);
        if (!(declared instanceof List<?> list)) {
            scope.report(invalidExternals(scope, "`variables." + EXTERNAL_TABLES + "` of environment `"
                    + scope.environment.name() + "` must be a list of table names"));
            return externals;
        }
        for (Object entry : list) {
            String text = String.valueOf(entry);
            Optional<TableName> name = text.endsWith(".*")
                    ? TableName.parse(text.substring(0, text.length() - 2))
                            .filter(schema -> schema.parts().size() == 1)
                            .map(schema -> new TableName(List.of(schema.table(), "*"), text))
                    : TableName.parse(text);
            if (entry instanceof String && name.isPresent()) {
                externals.add(name.get());
            } else {
                scope.report(invalidExternals(scope, "`" + text + "` in `variables." + EXTERNAL_TABLES
                        + "` of environment `" + scope.environment.name() + "` is not a table name"));
            }
        }
        return externals;
    }

    private static Diagnostic invalidExternals(Scope scope, String message) {
        return Diagnostic.error(Code.EXTERNAL_TABLES_INVALID, scope.environmentPosition(), message)
                .withHint("write external_tables = [\"schema.table\", \"schema.*\"]");
    }
}
