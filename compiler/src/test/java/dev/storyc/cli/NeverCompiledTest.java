package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Storyc;
import dev.storyc.testing.WarehouseWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that reads an environment's output repository says the same thing when the
 * environment was never compiled, with the same exit code, and touches neither the folder nor
 * the database.
 */
class NeverCompiledTest {
    static Stream<List<String>> commands() {
        return Stream.of(
                List.of("warehouse", "plan"),
                List.of("warehouse", "apply"),
                List.of("warehouse", "status"),
                List.of("warehouse", "verify"),
                List.of("warehouse", "log"),
                List.of("etl", "run"),
                List.of("etl", "status"),
                List.of("test"),
                List.of("validate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void saysToCompileFirstWithExit3(List<String> command, @TempDir Path temp) {
        try (WarehouseWorkspace ws = WarehouseWorkspace.create(temp)) {
            String[] args = Stream.concat(command.stream(), Stream.of("--env", "acc")).toArray(String[]::new);

            Storyc.Outcome outcome = ws.storyc(args);

            assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(3);
            assertThat(outcome.stderr()).isEqualTo("error: acc has no compiled output in out/acc\n"
                    + "  = help: compile it first: storyc compile --env acc\n");
            assertThat(outcome.stdout()).isEmpty();
            assertThat(Files.exists(ws.root.resolve("out"))).as("nothing written").isFalse();
            assertThat(WarehouseWorkspace.rows(ws.acc,
                    "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'storyc'"))
                    .containsExactly("0");
        }
    }
}
