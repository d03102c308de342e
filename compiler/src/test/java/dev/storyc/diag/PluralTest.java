package dev.storyc.diag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluralTest {
    @ParameterizedTest
    @CsvSource({
        "0, change, 0 changes",
        "1, change, 1 change",
        "2, query, 2 queries",
        "1, query, 1 query",
        "3, round trip, 3 round trips",
        "2, key, 2 keys",
    })
    void countsWithTheRightNoun(long count, String noun, String expected) {
        assertThat(Plural.of(count, noun)).isEqualTo(expected);
    }
}
