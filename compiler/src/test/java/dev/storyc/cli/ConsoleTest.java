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
}
