package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.etl.SqlScript;
import dev.storyc.etl.SqlStatement;
import dev.storyc.workspace.ArtifactKind;
import java.util.List;

/**
 * Reports a data test that is not one query (E0913) when it is checked: found only by {@code
 * storyc test}, it passed check and compile and stopped the test run of the environment it
 * reached (round 18). The rule is {@code datatest.DataTests}': one statement, and a query.
 */
final class DataTestStatements {
    private DataTestStatements() {}

    static void check(Scope scope) {
        for (CheckedFile file : scope.files(ArtifactKind.TEST_SQL)) {
            List<SqlStatement> statements = SqlScript.statements(file.path(), file.text());
            if (statements.size() == 1 && statements.get(0).isQuery()) {
                continue;
            }
            // At the statement that breaks the rule: the second one, or the one that writes.
            SqlStatement at = statements.size() > 1 ? statements.get(1) : statements.isEmpty() ? null
                    : statements.get(0);
            scope.report(Diagnostic.error(Code.DATA_TEST_SHAPE,
                            at == null ? dev.storyc.diag.Position.of(file.path(), 1, 1)
                                    : file.at(at.start(), null),
                            "data test `" + file.file().fileName() + "` of story `" + file.story().id()
                                    + "` must be one SELECT that returns the rows that break the rule; it has "
                                    + statements.size() + " statement(s)"
                                    + (statements.size() == 1 ? " that write" : ""))
                    .withHint("write a single SELECT (or WITH ... SELECT); it passes when it returns no rows"));
        }
    }
}
