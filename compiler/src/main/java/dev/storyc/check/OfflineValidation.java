package dev.storyc.check;

/**
 * The checks that make {@code storyc check} a superset of Looker's LookML validator for what can
 * be known offline, plus the schema and LookML checks a SQL validator otherwise needs a live
 * warehouse for: field references, values of keys Looker fixes ({@code type}, {@code relationship},
 * {@code datatype}), constants, Liquid, columns, the tables SQL reads and writes,
 * columns a change drops or renames, requires against use, revert scripts, scripts that end their own transaction, NULs in SQL,
 * empty ETL SQL, data tests that are not one query, and the workspace model. One entry point, so that {@link Checks} runs them all in one line.
 */
final class OfflineValidation {
    private OfflineValidation() {}

    static void check(Scope scope, java.util.List<EtlJobs.Target> targets) {
        FieldReferences.check(scope);
        ClosedValues.check(scope);
        ConstantReferences.check(scope);
        LiquidReferences.check(scope);
        ColumnReferences.check(scope);
        MissingColumns.check(scope);
        var sqlUses = SqlTableReferences.uses(scope);
        SqlTableReferences.check(scope, sqlUses);
        RequiresUse.check(scope, targets, sqlUses);
        RevertScripts.check(scope);
        TransactionScripts.check(scope);
        SqlNulCharacters.check(scope);
        UnrunnableSql.check(scope);
        EtlSqlStatements.check(scope);
        DataTestStatements.check(scope);
        ModelLevel.check(scope);
    }
}
