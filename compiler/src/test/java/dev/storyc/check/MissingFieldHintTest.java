package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hint for a field a view does not have, by what the missing name is to the view's names. */
class MissingFieldHintTest {
    private static final List<String> FIELDS =
            List.of("lab_result_id", "loinc_code", "patient_id", "resulted_date", "resulted_week", "resulted_raw");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            patient_ib | did you mean `lab_results.patient_id`?
            loinc      | did you mean `lab_results.loinc_code`?
            resulted   | a dimension group is used by timeframe: `lab_results.resulted_date` or `lab_results.resulted_raw`, among 3
            units      | view `lab_results` has `lab_result_id`, `loinc_code`, `patient_id`, `resulted_date`, `resulted_raw`, `resulted_week`
            """)
    void namesWhatTheViewHas(String missing, String hint) {
        assertThat(MissingFieldHint.of(missing, FIELDS, "lab_results", "lab_results.")).isEqualTo(hint);
    }

    @Test
    void aLargeViewIsNotListed() {
        List<String> many = IntStream.range(0, 20).mapToObj(i -> "field_" + i).toList();
        assertThat(MissingFieldHint.of("units", many, "wide", ""))
                .isEqualTo("see the fields of view `wide`; a dimension group is used by timeframe, such as `created_date`");
    }
}
