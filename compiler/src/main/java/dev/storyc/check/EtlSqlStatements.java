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
     * Returns true when nothing but whitespace, comments and semicolons is there. Most ETL SQL
     * opens with a comment, so this skips them itself rather than lex every script: a full lex
     * of each job's SQL cost 5% of a one-environment compile. What it cannot skip (a string, a
     * word) starts a statement.
     */
    static boolean holdsNoStatement(String sql) {
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (sql.startsWith("/*", i)) {
                i = afterBlockComment(sql, i);
            } else {
                return false;
            }
        }
        return true;
    }

    /** Returns where a block comment opened at {@code start} ends; they nest in PostgreSQL. */
    private static int afterBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }
}
