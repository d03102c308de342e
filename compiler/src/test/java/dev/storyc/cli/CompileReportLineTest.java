package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The line a compile prints per environment, padded into columns that scripts and eyes read. */
class CompileReportLineTest {
    private static final String COMMIT = "0ffcbfa115ed16bb5d26efd38cc8ffbf635a5db6";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "committed|acceptance-1|2026-W48|5|0 added, 1 backed out, 0 changed"
                + "|committed acceptance-1     2026-W48    5 stories  0ffcbfa115ed  0 added, 1 backed out, 0 changed",
        "unchanged|dev-alice|all|12|no commit"
                + "|unchanged dev-alice        all        12 stories  0ffcbfa115ed  no commit",
        "committed|a-developer-environment|a-long-release-name|123|x"
                + "|committed a-developer-environment a-long-release-name 123 stories  0ffcbfa115ed  x",
    })
    void columnsArePaddedAsBefore(String verb, String environment, String release, int stories,
            String what, String expected) {
        String line = CompileCommand.line(verb, environment, release, stories, COMMIT, what);

        assertThat(line).isEqualTo(expected)
                .isEqualTo(String.format("%-9s %-16s %-10s %2d stories  %s  %s", verb, environment,
                        release, stories, COMMIT.substring(0, 12), what));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1|0|1 environment compiled, 0 committed",
        "7|7|7 environments compiled, 7 committed",
    })
    void theSummarySaysHowManyCompiledAndCommitted(int compiled, long committed, String expected) {
        assertThat(CompileCommand.summary(compiled, committed)).isEqualTo(expected);
    }
}
