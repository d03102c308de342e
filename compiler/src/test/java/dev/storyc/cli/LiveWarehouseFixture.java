package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The example workspace with its integration environment pointed at a real PostgreSQL database:
 * compiled once, then deployed and seeded into fresh databases for each test.
 */
final class LiveWarehouseFixture {
    static final String PASSWORD_VARIABLE = "STORYC_TEST_WAREHOUSE_PASSWORD";
    static final String ENVIRONMENT = "integration";

    final Path workspace;

    private LiveWarehouseFixture(Path workspace) {
        this.workspace = workspace;
    }

    /** Copies the example, points integration at {@code database} (PostgreSQL) and compiles it. */
    static LiveWarehouseFixture compiled(Path folder, PostgresServer.Database database) {
        Checkout.copyExampleWorkspace(folder);
        Path environments = folder.resolve("environments.toml");
        Checkout.write(
                environments,
                Checkout.read(environments)
                        .replace(
                                "warehouse.database = \"analytics_int\"\n",
                                database.warehouseToml("analytics", PASSWORD_VARIABLE)));
        LiveWarehouseFixture fixture = new LiveWarehouseFixture(folder);
        Storyc.Outcome compiled = fixture.storyc(database, "compile", "--env", ENVIRONMENT);
        assertThat(compiled.exitCode()).as(compiled.toString()).isZero();
        return fixture;
    }

    /** Returns the fixture over a workspace prepared by the caller. */
    static LiveWarehouseFixture over(Path workspace) {
        return new LiveWarehouseFixture(workspace);
    }

    /** Runs storyc with the password set and the warehouse URL pointing at {@code database}. */
    Storyc.Outcome storyc(PostgresServer.Database database, String... args) {
        Map<String, String> environment =
                new HashMap<>(PostgresServer.Database.passwordEnvironment(PASSWORD_VARIABLE));
        environment.put("STORYC_PROD_WAREHOUSE_PASSWORD", "unused");
        environment.put("STORYC_WAREHOUSE_URL", database.jdbcUrl());
        return Storyc.run(workspace, environment, args);
    }

    Path output() {
        return workspace.resolve("out").resolve(ENVIRONMENT);
    }

    /** Deploys the compiled output's schema changes with {@code storyc warehouse apply}. */
    void deploy(PostgresServer.Database database) {
        Storyc.Outcome applied = storyc(database, "warehouse", "apply", "--env", ENVIRONMENT);
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
    }

    /** Loads the example's raw feeds. */
    void seed(PostgresServer.Database database) throws Exception {
        database.execute(Files.readString(workspace.resolve("seed/raw_ehr.sql")));
    }
}
