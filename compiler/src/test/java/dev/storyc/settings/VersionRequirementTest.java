package dev.storyc.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** required_version ranges, read as dbt reads require-dbt-version. */
class VersionRequirementTest {
    @ParameterizedTest(name = "{0} admits {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        ">=0.1.0          | 0.1.0          | true",
        ">=0.1.0          | 0.1.0-SNAPSHOT | true",
        ">=0.1.0          | 0.0.9          | false",
        ">=0.1.0, <0.2.0  | 0.1.7          | true",
        ">=0.1.0, <0.2.0  | 0.2.0          | false",
        ">0.1             | 0.1.0          | false",
        ">0.1             | 0.1.1          | true",
        "0.3.2            | 0.3.2          | true",
        "=0.3.2           | 0.3.3          | false",
        "==1              | 1.0.0          | true",
        "<=1.2            | 1.2.0          | true",
        "<=1.2            | 1.2.1          | false",
        ">=0.1.0          | unknown        | false",
    })
    void admitsExactlyTheVersionsInTheRange(String range, String version, boolean admitted) {
        assertThat(VersionRequirement.parse(range)).hasValueSatisfying(r ->
                assertThat(r.admits(version)).isEqualTo(admitted));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"latest", ">= 1.x", "1.2.3.4", ">=1,", "~>1.2",
            "9999999999", ">=0.99999999999", "1.2.9999999999"})
    void refusesWhatIsNotARange(String text) {
        assertThat(VersionRequirement.parse(text)).isEmpty();
        assertThat(Setting.REQUIRED_VERSION.accepts(text)).isFalse();
    }
}
