package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Spelling;
import dev.storyc.workspace.ArtifactKind;

import java.util.Optional;

/**
 * Refuses a schema script that drops or renames a column its table does not have at that point of
 * the plan (E0641), found while {@link ColumnCatalog} applies the scripts. The server refuses such
 * a statement, so until now a misspelt column, or a story's change dropping a column that a story
 * which requires it adds (and so runs after it), passed check and failed apply on a new database;
 * where the stories had been deployed in another order, it dropped the other story's column.
 */
final class MissingColumns {
    private MissingColumns() {}

    static void check(Scope scope) {
        ColumnTables tables = scope.cache.columns(ColumnReferences.scripts(scope));
        for (MissingColumn missing : tables.missing()) {
            fileOf(scope, missing.script()).ifPresent(file -> scope.report(Diagnostic.error(
                            Code.SQL_UNKNOWN_COLUMN_CHANGED,
                            file.atOffset(missing.offset(), missing.column()),
                            "the script " + missing.verb() + " column `" + missing.column() + "`, which table `"
                                    + missing.table() + "` does not have at this point of the plan, so"
                                    + " apply fails here on a new database")
                    .withHint(Spelling.closest(missing.column(), missing.columns())
                            .map(c -> "did you mean `" + c + "`?")
                            .orElse("schema scripts run story by story, each story after those it requires,"
                                    + " and a story's changes by number; a column another story adds exists"
                                    + " only after that story, so drop or rename it in a change of that"
                                    + " story"))));
        }
    }

    private static Optional<CheckedFile> fileOf(Scope scope, ColumnCatalog.Script script) {
        return scope.files(ArtifactKind.SCHEMA_DEPLOY).stream()
                .filter(file -> file.path().equals(script.path())
                        && file.story().id().value().equals(script.story()))
                .findFirst();
    }
}
