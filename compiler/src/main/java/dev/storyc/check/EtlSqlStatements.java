package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.workspace.ArtifactKind;

/**
 * Reports ETL SQL that holds no statement (E0907) when it is checked, as an empty revert.sql is
 * (E0630): found only when the job ran, it surfaced at the job's scheduled hour in production.
 */
final class EtlSqlStatements {
    private EtlSqlStatements() {}

    static void check(Scope scope) {
        for (CheckedFile file : scope.files(ArtifactKind.ETL_SQL)) {
            if (holdsNoStatement(file.text())) {
                scope.report(Diagnostic.error(Code.ETL_QUERY_SHAPE, Position.of(file.path(), 1, 1),
                                "ETL SQL `" + file.file().fileName() + "` of story `" + file.story().id()
                                        + "` holds no SQL statement, so its job would fail at every run")
                        .withHint("write the SELECT whose rows the job loads, or the statements that load them"));
            }
        }
    }

    /**
     * Returns true when the script has no token but semicolons. It asks the lexer for tokens only
     * until the first real one, rather than split the whole script: most ETL SQL opens with a
     * comment, and a full lex of each job's SQL cost a noticeable part of a compile.
     */
    static boolean holdsNoStatement(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        for (SqlLexer.Token token = lexer.next(); token != null; token = lexer.next()) {
            if (!token.isPunct(";")) {
                return false;
            }
        }
        return true;
    }
}
