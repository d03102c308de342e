package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What {@link Console} prints of text it did not write itself. */
class ConsoleTest {
    @Test
    void aFailureQuotingARemoteShowsItsEscapeSequencesInsteadOfSendingThemToTheTerminal() {
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(err, true), false, false);

        console.failure("cannot push: remote said \u001b]0;owned\u0007 no\nsecond line", "retry \u001b[2J");

        assertThat(err.toString()).isEqualTo("error: cannot push: remote said \\u001b]0;owned\\u0007 no\n"
                + "second line\n  = help: retry \\u001b[2J\n");
    }

    @Test
    void bufferedConsolesReplayInTheOrderAskedNotTheOrderWritten() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(out, true), new PrintWriter(err, true), false, false);
        Console first = console.buffered();
        Console second = console.buffered();

        second.failure("second failed", null);
        second.result("second row");
        first.failure("first failed", "first hint");
        assertThat(err.toString()).as("nothing reaches the terminal before the replay").isEmpty();
        first.replayInto(console);
        second.replayInto(console);

        assertThat(err.toString()).isEqualTo("error: first failed\n  = help: first hint\nerror: second failed\n");
        assertThat(out.toString()).isEqualTo("second row\n");
    }

    @Test
    void aCommandThatOwesADocumentPrintsOneOfWhatItReportedWhenItFailsBeforeItsOwn() {
        StringWriter out = new StringWriter();
        Console console = new Console(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false,
                false);
        console.owe(dev.storyc.diag.JsonRenderer::render);
        console.mask(java.util.List.of("s3cret-value"));
        console.context("environment", "acc");
        console.failure("cannot reach the database with s3cret-value", "start it");

        console.finish(ExitCode.OPERATION_FAILED);

        assertThat(out.toString()).isEqualTo("""
                {
                  "diagnostics": [],
                  "environment": "acc",
                  "exit_code": 3,
                  "failures": [
                    {"message": "cannot reach the database with ********", "hint": "start it"}
                  ]
                }
                """);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "secret {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"e", "x", "ode", "exit", "code", "environment", "\"q\"uoted"})
    void documentsAreMaskedValueByValueAndSecretsTooShortToProtectAreLeftAlone(String secret) throws Exception {
        StringWriter out = new StringWriter();
        Console console = new Console(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false,
                false);
        console.owe(dev.storyc.diag.JsonRenderer::render);
        console.mask(java.util.List.of(secret));
        console.context("environment", "dev-" + secret);
        console.diagnostics(java.util.List.of(dev.storyc.diag.Diagnostic.error(dev.storyc.diag.Code.DASHBOARD_SHAPE,
                dev.storyc.diag.Position.of("d.dashboard.lookml", 1, 1), "the value " + secret + " leaked")
                .withHint("remove " + secret)), java.util.List.of());
        console.failure("password " + secret + " refused", null);

        console.finish(ExitCode.OPERATION_FAILED);

        var document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        java.util.List<String> keys = new java.util.ArrayList<>();
        document.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("diagnostics", "environment", "exit_code", "failures");
        String shown = secret.length() < 4 ? secret : "********";
        assertThat(document.get("environment").asText()).isEqualTo("dev-" + shown);
        assertThat(document.get("exit_code").asInt()).isEqualTo(3);
        assertThat(document.get("failures").get(0).get("message").asText()).isEqualTo("password " + shown + " refused");
        assertThat(document.get("diagnostics").get(0).get("message").asText()).isEqualTo("the value " + shown + " leaked");
        assertThat(document.get("diagnostics").get(0).get("hint").asText()).isEqualTo("remove " + shown);
        assertThat(document.get("diagnostics").get(0).get("code").asText()).isEqualTo("E0513");
    }

    @Test
    void anOwedDocumentIsNotPrintedAfterTheCommandsOwnNorOnSuccess() {
        StringWriter printed = new StringWriter();
        Console printedItsOwn = new Console(new PrintWriter(printed, true), new PrintWriter(new StringWriter(), true),
                false, false);
        printedItsOwn.owe(dev.storyc.diag.JsonRenderer::render);
        printedItsOwn.out().print("{\"own\": true}\n");
        printedItsOwn.failure("then it failed", null);
        printedItsOwn.finish(ExitCode.PROJECT_ERRORS);
        assertThat(printed.toString()).isEqualTo("{\"own\": true}\n");

        StringWriter quiet = new StringWriter();
        Console succeeded = new Console(new PrintWriter(quiet, true), new PrintWriter(new StringWriter(), true),
                false, false);
        succeeded.owe(dev.storyc.diag.JsonRenderer::render);
        succeeded.failure("a warning told in words", null);
        succeeded.finish(ExitCode.OK);
        assertThat(quiet.toString()).isEmpty();
    }

    @Test
    void aJsonDiagnosticsDocumentStaysAnArrayUnlessTheRunFailedInWords() {
        StringWriter clean = new StringWriter();
        Console console = new Console(new PrintWriter(clean, true), new PrintWriter(new StringWriter(), true), false,
                false, DiagnosticFormat.json);
        console.finish(ExitCode.OK);
        assertThat(clean.toString()).isEqualTo("[]\n");

        StringWriter failed = new StringWriter();
        Console unreachable = new Console(new PrintWriter(failed, true), new PrintWriter(new StringWriter(), true),
                false, false, DiagnosticFormat.json);
        unreachable.failure("the database is down", null);
        unreachable.finish(ExitCode.OPERATION_FAILED);
        assertThat(failed.toString()).contains("\"exit_code\": 3", "{\"message\": \"the database is down\", \"hint\": null}")
                .startsWith("{");
    }

    @Test
    void aReplayedConsoleHandsOnItsFailuresForTheDocument() {
        StringWriter out = new StringWriter();
        Console console = new Console(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false,
                false, DiagnosticFormat.json);
        Console environment = console.buffered();
        environment.failure("push refused", null);
        environment.replayInto(console);
        console.finish(ExitCode.OPERATION_FAILED);
        assertThat(out.toString()).contains("push refused");
    }
}
