package dev.storyc.cli;

import static dev.storyc.testing.WarehouseWorkspace.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.WarehouseWorkspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A deploy role that may create tables in the schemas a DBA made for it, and nothing else: not
 * schemas, not in the database. storyc asked to create its schemas all the same (IF NOT EXISTS
 * checks the privilege first), and every apply and ETL run was refused (round 17).
 */
class LeastPrivilegeDeployTest {
    @TempDir Path temp;

    @Test
    void aRoleThatMayOnlyCreateInItsSchemasAppliesAndLoads() {
        String role = "storyc_deployer_" + Long.toHexString(System.nanoTime());
        try (WarehouseWorkspace ws = WarehouseWorkspace.create(temp)) {
            PostgresServer server = ws.acc.server();
            server.execute("postgres", "CREATE ROLE " + role + " LOGIN PASSWORD '" + PostgresServer.PASSWORD + "'");
            try {
                ws.acc.execute("CREATE SCHEMA storyc; CREATE SCHEMA analytics;"
                        + " GRANT USAGE, CREATE ON SCHEMA storyc, analytics TO " + role);
                Path environments = ws.root.resolve("environments.toml");
                String text = Checkout.read(environments);
                int acc = text.indexOf("[environments.acc]");
                int dev = text.indexOf("[environments.dev]");
                Checkout.write(environments, text.substring(0, acc)
                        + text.substring(acc, dev).replace("warehouse.user = \"" + PostgresServer.USER + "\"",
                                "warehouse.user = \"" + role + "\"")
                        + text.substring(dev));
                ws.fillJob("SELECT 7 AS id\n");
                assertThat(Storyc.run(ws.root, WarehouseWorkspace.PROCESS_ENVIRONMENT, "compile", "--env", "acc").exitCode()).isZero();

                Storyc.Outcome apply = Storyc.run(ws.root, WarehouseWorkspace.PROCESS_ENVIRONMENT, "warehouse", "apply", "--env", "acc");
                assertThat(apply.exitCode()).as(apply.toString()).isZero();
                Storyc.Outcome load = Storyc.run(ws.root, WarehouseWorkspace.PROCESS_ENVIRONMENT, "etl", "run", "--env", "acc");
                assertThat(load.exitCode()).as(load.toString()).isZero();

                assertThat(rows(ws.acc, "SELECT tablename || ':' || tableowner FROM pg_tables WHERE schemaname"
                        + " IN ('storyc', 'analytics') ORDER BY 1")).containsExactly(
                        "base:" + role, "changes:" + role, "etl_runs:" + role, "events:" + role,
                        "extra:" + role, "registry:" + role);
                assertThat(rows(ws.acc, "SELECT count(*) FROM analytics.base")).containsExactly("1");
            } finally {
                ws.acc.execute("DROP OWNED BY " + role);
                server.execute("postgres", "DROP ROLE " + role);
            }
        }
    }
}
