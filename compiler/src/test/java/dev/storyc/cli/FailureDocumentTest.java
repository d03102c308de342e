package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.WarehouseWorkspace;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * A command asked for a document on stdout prints one however it ends: CI uploads stdout as an
 * artifact, and an empty file is what it would get exactly when the run failed. Against a real
 * PostgreSQL, with the database named by warehouse.url missing.
 */
class FailureDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path temp;

    WarehouseWorkspace ws;

    @BeforeEach
    void create() {
        ws = WarehouseWorkspace.create(temp);
        assertThat(ws.storyc("compile", "--env", "acc").exitCode()).isZero();
    }

    @AfterEach
    void drop() {
        ws.close();
    }

    static Stream<List<String>> jsonCommands() {
        return Stream.of(
                List.of("warehouse", "plan", "--format", "json"),
                List.of("warehouse", "apply", "--format", "json"),
                List.of("warehouse", "status", "--format", "json"),
                List.of("warehouse", "verify", "--format", "json"),
                List.of("warehouse", "log", "--format", "json"),
                List.of("test", "--format", "json"),
                List.of("validate", "--format", "json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonCommands")
    void anUnreachableDatabaseIsADocumentWithTheFailureAndExit3(List<String> command) throws Exception {
        Storyc.Outcome outcome = unreachable(command);

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(3);
        JsonNode document = JSON.readTree(outcome.stdout());
        assertThat(document.get("exit_code").asInt()).isEqualTo(3);
        assertThat(document.get("environment").asText()).isEqualTo("acc");
        assertThat(document.get("diagnostics")).isEmpty();
        assertThat(document.get("failures")).hasSize(1);
        assertThat(document.get("failures").get(0).get("message").asText())
                .contains("has no such database", "storyc_no_such_database");
        assertThat(outcome.stdout()).doesNotContain(PostgresServer.PASSWORD);
        assertThat(outcome.stderr()).as("no count of a check that never ran").doesNotContain("0 errors");
    }

    @Test
    void anUnreachableDatabaseIsAJUnitReportWithOneErroredCase() throws Exception {
        Storyc.Outcome outcome = unreachable(List.of("test", "--format", "junit"));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(3);
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(outcome.stdout().getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("storyc test --env acc");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        Element error = (Element) suite.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("exit 3");
        assertThat(error.getAttribute("message")).contains("has no such database").doesNotContain("help:");
        assertThat(error.getTextContent()).contains("\nhelp: ");
    }

    @Test
    void aRefusedOutputCommitIsADocumentWithItsDiagnostic() throws Exception {
        Path output = ws.root.resolve("out/acc");
        Path deploy = output.resolve("warehouse/base/base/deploy.sql");
        Files.writeString(deploy, Files.readString(deploy) + "-- edited by hand\n");
        GitCli.git(output, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-qam", "edit");

        Storyc.Outcome outcome = ws.storyc("warehouse", "apply", "--env", "acc", "--format", "json");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        JsonNode document = JSON.readTree(outcome.stdout());
        assertThat(document.get("exit_code").asInt()).isEqualTo(1);
        assertThat(document.get("failures")).isEmpty();
        assertThat(document.get("diagnostics").get(0).get("code").asText()).isEqualTo("E0805");
        assertThat(document.get("diagnostics").get(0).get("file").asText())
                .isEqualTo("warehouse/base/base/deploy.sql");
    }

    @Test
    void aListingOfABrokenWorkspaceIsADocumentWithItsDiagnostics() throws Exception {
        ws.write("environments.toml", Files.readString(ws.root.resolve("environments.toml")) + "\n[broken\n");

        Storyc.Outcome outcome = ws.storyc("status", "--format", "json");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        JsonNode document = JSON.readTree(outcome.stdout());
        assertThat(document.get("exit_code").asInt()).isEqualTo(1);
        JsonNode first = document.get("diagnostics").get(0);
        assertThat(first.get("file").asText()).isEqualTo("environments.toml");
        assertThat(first.get("line").asInt()).isPositive();
    }

    private Storyc.Outcome unreachable(List<String> command) {
        List<String> args = new ArrayList<>(List.of("-D", "warehouse.url="
                + ws.acc.server().jdbcUrl("storyc_no_such_database")));
        args.addAll(command);
        args.addAll(List.of("--env", "acc"));
        return ws.storyc(args.toArray(String[]::new));
    }
}
