package dev.storyc.phi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cell of the CSV report is quoted as RFC 4180 asks, and never starts as a formula: the report
 * is meant for a spreadsheet, where a dashboard named {@code =HYPERLINK(...)} would run.
 */
class PhiReportCellTest {
    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("patients.mrn", "patients.mrn"),
                Arguments.of("a,b", "\"a,b\""),
                Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
                Arguments.of("=HYPERLINK(\"http://x\",\"click\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""),
                Arguments.of("+1", "'+1"),
                Arguments.of("-cmd", "'-cmd"),
                Arguments.of("@SUM(A1)", "'@SUM(A1)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void quotesAndDisarms(String value, String cell) {
        assertThat(PhiReportFormat.cell(value)).isEqualTo(cell);
    }
}
