package dev.storyc.cli;

import static dev.storyc.testing.WarehouseWorkspace.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.StorycProcess;
import dev.storyc.testing.WarehouseWorkspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A run killed mid-job: while it runs {@code etl status} says {@code running}; once its process
 * is gone, {@code abandoned}, with nothing of it committed. A success's end commits with its rows.
 */
class EtlAbandonedRunTest {
    @TempDir Path temp;

    @Test
    void aKilledRunIsRunningWhileItsSessionLastsAndAbandonedAfter() {
        try (WarehouseWorkspace ws = WarehouseWorkspace.create(temp)) {
            ws.fillJob("SELECT 7 AS id FROM pg_sleep(120)\n");
            assertThat(Storyc.run(ws.root, WarehouseWorkspace.PROCESS_ENVIRONMENT, "compile", "--env", "dev").exitCode()).isZero();
            Storyc.Outcome applied = Storyc.run(ws.root, WarehouseWorkspace.PROCESS_ENVIRONMENT, "warehouse", "apply", "--env", "dev");
            assertThat(applied.exitCode()).as(applied.toString()).isZero();

            StorycProcess run = StorycProcess.start(ws.root, temp.resolve("logs"), WarehouseWorkspace.PROCESS_ENVIRONMENT,
                    "etl", "run", "--env", "dev");
            awaitRows(ws, "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                    + " AND query LIKE '%pg_sleep(120)%' AND pid <> pg_backend_pid()"
                    + " AND datname = current_database()", "1");
            assertThat(status(ws)).containsPattern("base/fill +running ");

            run.kill();
            // The server ends the session once it finds the client gone; cancelling the statement
            // is what SIGTERM does, and a SIGKILL cannot.
            ws.dev.execute("SELECT pg_cancel_backend(pid) FROM pg_stat_activity"
                    + " WHERE query LIKE '%pg_sleep(120)%' AND pid <> pg_backend_pid()"
                    + " AND datname = current_database()");
            awaitRows(ws, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'storyc'"
                    + " AND datname = current_database()", "0");

            String after = status(ws);
            assertThat(after).containsPattern("base/fill +abandoned ")
                    .contains("the run's session ended before it recorded its end")
                    .contains("its transaction did not commit");
            assertThat(rows(ws.dev, "SELECT count(*) FROM analytics.base")).containsExactly("0");
            assertThat(rows(ws.dev, "SELECT status FROM storyc.etl_runs")).containsExactly("running");

            ws.write("stories/base/etl/fill.sql", "SELECT 7 AS id\n");
            assertThat(Storyc.run(ws.root, WarehouseWorkspace.PROCESS_ENVIRONMENT, "compile", "--env", "dev").exitCode()).isZero();
            Storyc.Outcome ran = Storyc.run(ws.root, WarehouseWorkspace.PROCESS_ENVIRONMENT, "etl", "run", "--env", "dev");
            assertThat(ran.exitCode()).as(ran.toString()).isZero();
            assertThat(status(ws)).containsPattern("base/fill +succeeded .* 1  ");
            assertThat(rows(ws.dev, "SELECT status, rows_affected FROM storyc.etl_runs"
                    + " ORDER BY started_at")).containsExactly("running|null", "succeeded|1");

            // Run times are UTC whatever the zone of the host that ran them (round 17: Tokyo's runs
            // were recorded nine hours ahead, and shown as the last).
            Map<String, String> tokyo = new java.util.HashMap<>(WarehouseWorkspace.PROCESS_ENVIRONMENT);
            tokyo.put("TZ", "Asia/Tokyo");
            Storyc.Outcome east = StorycProcess.start(ws.root, temp.resolve("logs"), tokyo,
                    "etl", "run", "--env", "dev").await(60);
            assertThat(east.exitCode()).as(east.toString()).isZero();
            assertThat(rows(ws.dev, "SELECT bool_and(abs(extract(epoch FROM (started_at - (now() AT TIME ZONE"
                    + " 'UTC')))) < 600) FROM storyc.etl_runs WHERE status = 'succeeded'")).containsExactly("t");
            assertThat(rows(ws.dev, "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                    + " WHERE l.locktype = 'advisory' AND d.datname = current_database()"))
                    .as("the run's lock is released once its end is on record")
                    .containsExactly("0");
        }
    }

    private static String status(WarehouseWorkspace ws) {
        Storyc.Outcome status = Storyc.run(ws.root, WarehouseWorkspace.PROCESS_ENVIRONMENT, "etl", "status", "--env", "dev");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        return status.stdout();
    }

    /** Polls a one-value query until it answers {@code expected}, for at most 20 s. */
    private static void awaitRows(WarehouseWorkspace ws, String sql, String expected) {
        for (int i = 0; i < 200; i++) {
            if (rows(ws.dev, sql).equals(List.of(expected))) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("waited 20 s for " + sql + " to answer " + expected);
    }
}
