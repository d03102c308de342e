package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ci's live table keeps its columns apart however long a step's summary is. */
class LiveTableTest {
    @Test
    void aLongSummaryWidensItsColumnInsteadOfRunningIntoTheNext() {
        StringWriter out = new StringWriter();
        Console console = new Console(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false,
                false);

        LiveStage.print(console, List.of(
                new LiveRow("integration", List.of(LiveRow.Step.passed("no-op"),
                        LiveRow.Step.failed("5 ok, 1 failed, 2 not run"), LiveRow.Step.SKIPPED, LiveRow.Step.SKIPPED)),
                new LiveRow("acceptance-1", List.of(LiveRow.Step.passed("2 applied"), LiveRow.Step.passed("7 ok"),
                        LiveRow.Step.passed("16 passed"), LiveRow.Step.passed("107 ok")))));

        assertThat(out.toString()).isEqualTo("""
                ENV              APPLY                  ETL                       TEST                   VALIDATE
                integration      no-op                  5 ok, 1 failed, 2 not run skipped                skipped
                acceptance-1     2 applied              7 ok                      16 passed              107 ok
                1 environment proven live, 1 failed
                """);
    }
}
