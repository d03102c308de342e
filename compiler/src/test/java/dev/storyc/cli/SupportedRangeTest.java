package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The version range `storyc init` writes stops at the next version that may break the workspace. */
class SupportedRangeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0.1.0  | >=0.1.0, <0.2.0
            0.9.3  | >=0.9.3, <0.10.0
            1.0.0  | >=1.0.0, <2.0.0
            2.4.1  | >=2.4.1, <3.0.0
            """)
    void nextMinorBeforeOneNextMajorAfter(String version, String range) {
        assertThat(Scaffold.supportedRange(version)).isEqualTo(range);
    }
}
