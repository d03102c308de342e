package dev.storyc.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.warehouse.Script;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * When the replay is not worth running twice, it is not run: these cases never reach the
 * connection, which is null here, so a replay would fail the test with a NullPointerException.
 */
class FailingStatementTest {
    private static final PSQLException RAISED = new PSQLException(
            new ServerErrorMessage("SERROR\0CP0001\0Mbackfill check failed\0"));

    @Test
    void aScriptThatActsOutsideTheTransactionIsNotRunAgain() {
        for (String sideEffect : List.of("SELECT nextval('s');", "SELECT dblink_exec('x', 'INSERT ...');",
                "SELECT pg_sleep(1);", "select SETVAL('s', 1);")) {
            Script script = new Script("warehouse/s/base/deploy.sql",
                    "CREATE TABLE t (id INT);\n" + sideEffect + "\nDO $$ BEGIN RAISE EXCEPTION 'x'; END $$;\n", "h");
            assertThat(FailingStatement.locate(new FailingStatement.Replay(null, List.of(), 0, ""), script, RAISED))
                    .as(sideEffect).isEmpty();
        }
    }

    @Test
    void aFailureThatTookLongIsNotRunAgainButAOneStatementScriptNeedsNoReplay() {
        Script two = new Script("warehouse/s/base/deploy.sql", "UPDATE t SET x = 1;\nDO $$ BEGIN RAISE"
                + " EXCEPTION 'x'; END $$;\n", "h");
        long slow = FailingStatement.MAX_REPLAYED_RUN.toNanos() + 1;
        assertThat(FailingStatement.locate(new FailingStatement.Replay(null, List.of(), slow, ""), two, RAISED)).isEmpty();
        Script one = new Script("warehouse/s/base/deploy.sql", "-- one\n\nUPDATE t SET x = 1 / 0;\n", "h");
        assertThat(FailingStatement.locate(new FailingStatement.Replay(null, List.of(), slow, ""), one, RAISED))
                .get().hasToString("warehouse/s/base/deploy.sql:3:1");
    }
}
