package dev.storyc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyc.testing.PostgresServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whole-process measurement of {@code storyc warehouse apply} (issue 10's closing note): a
 * generated workspace of N stories (one table and one view each, requiring a parent in a ten-way
 * tree) is compiled, then applied by the storyc jar into an empty database of the test harness's
 * PostgreSQL, then applied again (the no-op). Prints wall time, time per change and statements
 * (network round trips) per change, from apply's own JSON count; then drops the registry and
 * records the same changes with {@code --log-only}, as a team adopting storyc would.
 *
 * <p>Run by {@code bench/warehouse-apply.sh}; arguments: the storyc jar, a work folder, N.
 */
public final class WarehouseApplyBench {
    private WarehouseApplyBench() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int stories = Integer.parseInt(args[2]);
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database database = server.createDatabase("bench")) {
            Path workspace = work.resolve("warehouse-" + stories);
            generate(workspace, stories, database);
            run(jar, workspace, "compile", "--env", "bench");
            long start = System.nanoTime();
            JsonNode first =
                    json(
                            run(
                                    jar,
                                    workspace,
                                    "warehouse",
                                    "apply",
                                    "--env",
                                    "bench",
                                    "--format",
                                    "json"));
            double applySeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            JsonNode second =
                    json(
                            run(
                                    jar,
                                    workspace,
                                    "warehouse",
                                    "apply",
                                    "--env",
                                    "bench",
                                    "--format",
                                    "json"));
            double noOpSeconds = (System.nanoTime() - start) / 1e9;
            int changes = first.get("done").size();
            long statements = first.get("statements").asLong();
            System.out.printf("stories: %d, changes applied: %d%n", stories, changes);
            System.out.printf(
                    "apply into an empty database: %.2f s whole process, %.2f ms per change,"
                            + " %d statements = %.2f round trips per change%n",
                    applySeconds,
                    applySeconds * 1000 / changes,
                    statements,
                    (double) statements / changes);
            System.out.printf(
                    "no-op apply: %.2f s whole process, %d statements (%d changes up to date)%n",
                    noOpSeconds,
                    second.get("statements").asLong(),
                    second.get("up_to_date").size());

            // Adoption: the tables stay and the registry goes, the state of a warehouse that
            // hand-run migrations built; --log-only records every change without running it.
            database.execute("DROP SCHEMA storyc CASCADE");
            start = System.nanoTime();
            JsonNode adopted = json(run(jar, workspace, "warehouse", "apply", "--env", "bench", "--log-only",
                    "--format", "json"));
            double adoptSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "apply --log-only over the same tables, registry dropped: %.2f s whole process, %d changes"
                            + " recorded, %d statements = %.2f round trips per change%n",
                    adoptSeconds,
                    adopted.get("done").size(),
                    adopted.get("statements").asLong(),
                    (double) adopted.get("statements").asLong() / adopted.get("done").size());
        }
    }

    private static void generate(Path root, int stories, PostgresServer.Database database)
            throws IOException {
        write(
                root.resolve("environments.toml"),
                """
                [environments.bench]
                kind = "integration"
                project_name = "bench"
                connection = "bench"
                release = "all"
                %s"""
                        .formatted(database.warehouseToml("analytics", "STORYC_BENCH_PASSWORD")));
        for (int i = 0; i < stories; i++) {
            String id = String.format("s%04d", i);
            String story = "stories/" + id + "/";
            String requires = i == 0 ? "" : "\"" + String.format("s%04d", (i - 1) / 10) + "\"";
            write(
                    root.resolve(story + "story.toml"),
                    "title = \"Story " + i + "\"\nrequires = [" + requires + "]\n");
            write(
                    root.resolve(story + "schema/deploy.sql"),
                    """
                    CREATE TABLE <%% env.warehouse.schema %%>.t%1$s (
                        id BIGINT NOT NULL PRIMARY KEY,
                        parent_id BIGINT,
                        name VARCHAR(100) NOT NULL,
                        amount NUMERIC(12,2),
                        created_at TIMESTAMP NOT NULL
                    );
                    CREATE VIEW <%% env.warehouse.schema %%>.t%1$s_daily AS
                    SELECT CAST(created_at AS DATE) AS day, COUNT(*) AS n, SUM(amount) AS amount
                    FROM <%% env.warehouse.schema %%>.t%1$s
                    GROUP BY 1;
                    """
                            .formatted(id));
            write(
                    root.resolve(story + "schema/revert.sql"),
                    """
                    DROP VIEW IF EXISTS <%% env.warehouse.schema %%>.t%1$s_daily;
                    DROP TABLE IF EXISTS <%% env.warehouse.schema %%>.t%1$s;
                    """
                            .formatted(id));
            write(
                    root.resolve(story + "schema/verify.sql"),
                    "SELECT id, parent_id, name, amount, created_at FROM <% env.warehouse.schema"
                        + " %>.t"
                            + id
                            + " WHERE 1 = 0;\n");
        }
    }

    private static String run(Path jar, Path workspace, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=1",
                                "-jar",
                                jar.toString(),
                                "-p",
                                workspace.toString(),
                                "-q",
                                "--color",
                                "never"));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(Map.of("STORYC_BENCH_PASSWORD", PostgresServer.PASSWORD));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(
                    String.join(" ", args) + " failed with " + process.exitValue());
        }
        return out;
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
