package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.workspace.ArtifactKind;

import java.util.List;

/**
 * Refuses a NUL character in SQL that storyc sends to the warehouse (E0637). PostgreSQL text
 * cannot hold one, and the driver's message for it is a lost connection, so apply reported "run
 * the command again", which could never help. Found here, it is the user's file at its line.
 */
final class SqlNulCharacters {
    private static final List<ArtifactKind> SENT_TO_THE_WAREHOUSE = List.of(
            ArtifactKind.SCHEMA_DEPLOY, ArtifactKind.SCHEMA_VERIFY, ArtifactKind.SCHEMA_REVERT,
            ArtifactKind.ETL_SQL, ArtifactKind.TEST_SQL);

    private SqlNulCharacters() {}

    static void check(Scope scope) {
        for (ArtifactKind kind : SENT_TO_THE_WAREHOUSE) {
            for (CheckedFile file : scope.files(kind)) {
                int nul = file.text().indexOf('\0');
                if (nul >= 0) {
                    scope.report(Diagnostic.error(Code.SQL_NUL_CHARACTER, file.atOffset(nul, null),
                                    "`" + file.file().fileName() + "` of story `" + file.story().id()
                                            + "` holds a NUL character (`\\u0000`), which the warehouse cannot"
                                            + " take in SQL")
                            .withHint("remove it; write chr(0) in the SQL if a value needs one"));
                }
            }
        }
    }
}
