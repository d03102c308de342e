package dev.storyc.check;

import dev.storyc.datatest.DataTests;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.etl.SqlScript;
import dev.storyc.etl.SqlStatement;
import dev.storyc.workspace.ArtifactKind;
import java.util.List;
import java.util.Optional;

/**
 * Reports a data test that is not one query (E0913) when it is checked: found only by {@code
 * storyc test}, it passed check and compile and stopped the test run of the environment it
 * reached (round 18). The rule is {@link DataTests#notOneQuery}'s, which {@code storyc test} applies.
 */
final class DataTestStatements {
    private DataTestStatements() {}

    static void check(Scope scope) {
        for (CheckedFile file : scope.files(ArtifactKind.TEST_SQL)) {
            List<SqlStatement> statements = SqlScript.statements(file.path(), file.text());
            Optional<String> shape = DataTests.notOneQuery(file.path(), statements);
            if (shape.isEmpty()) {
                continue;
            }
            // At the statement that breaks the rule: the second one, or the one that writes.
            SqlStatement at = statements.size() > 1 ? statements.get(1) : statements.isEmpty() ? null
                    : statements.get(0);
            scope.report(Diagnostic.error(Code.DATA_TEST_SHAPE,
                            at == null ? Position.of(file.path(), 1, 1) : file.at(at.start(), null), shape.get())
                    .withHint(DataTests.ONE_QUERY));
        }
    }
}
