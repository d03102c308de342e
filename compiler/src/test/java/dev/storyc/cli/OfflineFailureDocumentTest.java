package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The commands that print JSON without a database print a failure document when they fail before
 * their result, one row each: the exit code, and the failure's words.
 */
class OfflineFailureDocumentTest {
    @TempDir static Path temp;

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(List.of("graph", "--format", "json", "--release", "nope"), 2, "release `nope` does not exist"),
                Arguments.of(List.of("phi", "report", "--format", "json", "-e", "nope"), 2,
                        "environment `nope` is not defined"),
                Arguments.of(List.of("env", "show", "nope", "--json"), 2, "environment `nope` is not defined"),
                Arguments.of(List.of("lookml", "parse", "no-such-file.lkml", "--json"), 2, "does not exist"),
                Arguments.of(List.of("release", "show", "nope", "--format", "json"), 2, "nope"),
                Arguments.of(List.of("story", "show", "nope", "--format", "json"), 2, "nope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void printsTheFailureAsADocument(List<String> command, int exit, String says) throws Exception {
        Path workspace = temp.resolve("workspace");
        if (!workspace.toFile().exists()) {
            Checkout.copyExampleWorkspace(workspace);
        }

        Storyc.Outcome outcome = Storyc.run(workspace, command.toArray(String[]::new));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(exit);
        JsonNode document = new ObjectMapper().readTree(outcome.stdout());
        assertThat(document.get("exit_code").asInt()).isEqualTo(exit);
        assertThat(document.get("failures").get(0).get("message").asText()).contains(says);
    }

    /**
     * A bad -D setting is found before the command's console exists; a script that
     * asked for JSON still gets a document on stdout, not only words on stderr.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("earlyRows")
    void anEarlyFailureHonoursTheFormat(List<String> command, String expected) throws Exception {
        Path workspace = temp.resolve("workspace");
        if (!workspace.toFile().exists()) {
            Checkout.copyExampleWorkspace(workspace);
        }

        Storyc.Outcome outcome = Storyc.run(workspace, command.toArray(String[]::new));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(outcome.stdout()).toString()).contains(expected);
    }

    static Stream<Arguments> earlyRows() {
        return Stream.of(
                Arguments.of(List.of("-D", "nonsense", "check", "--all", "--format", "json"),
                        "\"code\":\"E0224\",\"title\":\"unknown setting\",\"message\":\"`-D nonsense` is not `key=value`\""),
                Arguments.of(List.of("-D", "developer=BAD!", "check", "--format", "json"),
                        "\"code\":\"E0225\""),
                // Commands that print their own document make a text console; the command line says JSON.
                Arguments.of(List.of("-D", "jobs=0", "env", "show", "integration", "--json"),
                        "\"code\":\"E0225\""),
                Arguments.of(List.of("-D", "jobs=0", "warehouse", "status", "--env", "integration", "--format",
                        "json"), "\"code\":\"E0225\""));
    }
}
