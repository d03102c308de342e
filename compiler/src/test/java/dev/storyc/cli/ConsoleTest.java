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
