package dev.storyc.phi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the scanner of LookML SQL reads, and what it skips. */
class SqlReadsTest {
    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("${TABLE}.mrn", List.of("TABLE_COLUMN mrn [0,12)")),
                Arguments.of("${TABLE}.\"MRN\"", List.of("TABLE_COLUMN MRN [0,14)")),
                Arguments.of("${TABLE}.MRN || ${age}", List.of("TABLE_COLUMN mrn [0,12)",
                        "FIELD age [16,22)")),
                Arguments.of("${patients.mrn}", List.of("FIELD patients.mrn [0,15)")),
                Arguments.of("patients.mrn = p.id", List.of("QUALIFIED patients.mrn [0,12)",
                        "QUALIFIED p.id [15,19)")),
                Arguments.of("\"patients\".\"mrn\"", List.of("QUALIFIED patients.mrn [0,16)")),
                Arguments.of("analytics.patients.mrn", List.of("QUALIFIED patients.mrn [0,22)")),
                Arguments.of("'MRN ' || mrn", List.of("BARE mrn [10,13)")),
                Arguments.of("MD5(mrn)", List.of("BARE mrn [4,7)")),
                Arguments.of("x::varchar", List.of("BARE x [0,1)")),
                Arguments.of("-- mrn\nid", List.of("BARE id [7,9)")),
                Arguments.of("/* mrn */ id", List.of("BARE id [10,12)")),
                Arguments.of("{% if mrn %}id{% endif %}", List.of("BARE id [12,14)")),
                Arguments.of("{{ mrn }}", List.of()),
                Arguments.of("'it''s mrn'", List.of()),
                Arguments.of("${TABLE}", List.of()),
                Arguments.of("${patients.SQL_TABLE_NAME}", List.of()),
                Arguments.of("${patients.SQL_TABLE_NAME}.mrn", List
                        .of("QUALIFIED patients.mrn [0,30)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void readsWhatSqlReads(String text, List<String> expected) {
        assertThat(SqlReads.of(text)).extracting(r -> r.kind() + " "
                + (r.qualifier().isEmpty() ? "" : r.qualifier() + ".") + r.name()
                + " [" + r.start() + "," + r.end() + ")").containsExactlyElementsOf(expected);
    }
}
