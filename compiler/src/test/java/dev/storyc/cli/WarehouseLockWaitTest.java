package dev.storyc.cli;

import static dev.storyc.testing.WarehouseWorkspace.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.WarehouseWorkspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * A table lock another session holds: storyc waits warehouse.lock_timeout, then rolls back and
 * exits 3 saying so, where it waited without end and then called it an error of the story's SQL.
 */
class WarehouseLockWaitTest {
    private static final Map<String, String> ENV =
            WarehouseWorkspace.PROCESS_ENVIRONMENT;

    @TempDir Path temp;

    @Test
    void aHeldTableLockEndsTheApplyAndTheJobWithExit3AndNothingKept() throws Exception {
        try (WarehouseWorkspace ws = WarehouseWorkspace.create(temp)) {
            ws.fillJob("SELECT 7 AS id\n");
            assertThat(Storyc.run(ws.root, ENV, "compile", "--env", "dev").exitCode()).isZero();
            assertThat(Storyc.run(ws.root, ENV, "warehouse", "apply", "--env", "dev").exitCode()).isZero();
            try (Connection holder = ws.dev.connect(); Statement lock = holder.createStatement()) {
                holder.setAutoCommit(false);
                lock.execute("LOCK TABLE analytics.base IN ACCESS EXCLUSIVE MODE");
                Storyc.Outcome job = Storyc.run(ws.root, ENV, "-D", "warehouse.lock_timeout=1",
                        "etl", "run", "--env", "dev", "fill");
                assertThat(job.exitCode()).as(job.toString()).isEqualTo(3);
                assertThat(job.stderr()).contains("running ETL job base/fill")
                        .contains("lock_timeout").doesNotContain("E0903");
                holder.rollback();
            }

            ws.write("stories/base/schema/changes/01-name/deploy.sql",
                    "ALTER TABLE <% env.warehouse.schema %>.base ADD COLUMN name TEXT;\n");
            ws.write("stories/base/schema/changes/01-name/revert.sql",
                    "ALTER TABLE <% env.warehouse.schema %>.base DROP COLUMN name;\n");
            assertThat(Storyc.run(ws.root, ENV, "compile", "--env", "dev").exitCode()).isZero();
            try (Connection holder = ws.dev.connect(); Statement lock = holder.createStatement()) {
                holder.setAutoCommit(false);
                lock.execute("LOCK TABLE analytics.base IN ACCESS EXCLUSIVE MODE");
                Storyc.Outcome apply = Storyc.run(ws.root, ENV, "-D", "warehouse.lock_timeout=1",
                        "warehouse", "apply", "--env", "dev");
                assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
                assertThat(apply.stderr()).contains("applying base/name")
                        .contains("a lock it needed was not granted within the session's lock_timeout")
                        .contains("pg_blocking_pids()").doesNotContain("E0807");
                holder.rollback();
            }
            assertThat(rows(ws.dev, "SELECT count(*) FROM storyc.changes WHERE change = 'name'"))
                    .containsExactly("0");
            assertThat(rows(ws.dev, "SELECT status, error LIKE '%lock timeout%' FROM storyc.etl_runs"))
                    .containsExactly("failed|t");
            assertThat(rows(ws.dev, "SELECT count(*) FROM analytics.base")).containsExactly("0");
        }
    }
}
