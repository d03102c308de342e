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
}
