package dev.storyc.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.warehouse.ChangeId;
import dev.storyc.warehouse.Script;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** How a refused script reads: the server's words first, then what storyc did, as sentences. */
class ScriptFailureTest {
    @Test
    void theServersHintAndStorycsOutcomeReadAsSentencesAtTheOnlyStatement() {
        PSQLException refused = new PSQLException(new ServerErrorMessage(
                "SERROR\0C42703\0Mcolumn \"invoice_idd\" does not exist\0HPerhaps you meant to reference the column"
                        + " \"payments.invoice_id\".\0"));
        Script script = new Script("warehouse/payments/base/deploy.sql",
                "-- payments\n\nCREATE INDEX i ON analytics.payments (invoice_idd);\n", "sha256:x");

        Diagnostic diagnostic = ScriptFailure.diagnostic(Code.DEPLOY_FAILED, "deploy", new ChangeId("payments", "base"),
                script, refused, new FailingStatement.Replay(null, java.util.List.of(), 0, ""));

        assertThat(diagnostic.position().toString()).isEqualTo("warehouse/payments/base/deploy.sql:3:1");
        assertThat(diagnostic.message()).isEqualTo("deploy of `payments/base` failed: column \"invoice_idd\" does"
                + " not exist (SQLSTATE 42703)");
        assertThat(diagnostic.hint()).contains("Perhaps you meant to reference the column \"payments.invoice_id\"."
                + " The change was rolled back; the database is at the last change that succeeded");
    }
}
