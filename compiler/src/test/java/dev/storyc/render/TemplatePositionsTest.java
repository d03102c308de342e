package dev.storyc.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A rendered column on a line whose tags expanded in place, mapped back to the template's. */
class TemplatePositionsTest {
    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(delimiter = '|', value = {
        // Literal text before any tag keeps its column.
        "CREATE TABLE <% s %>.a (x INT REFERENCES <% s %>.b) | CREATE TABLE an.a (x INT REFERENCES an.b) | 1  | 1",
        // Inside the first expansion: its tag.
        "CREATE TABLE <% s %>.a (x INT REFERENCES <% s %>.b) | CREATE TABLE an.a (x INT REFERENCES an.b) | 14 | 14",
        // The literal after it, shifted by how much the tag shrank.
        "CREATE TABLE <% s %>.a (x INT REFERENCES <% s %>.b) | CREATE TABLE an.a (x INT REFERENCES an.b) | 17 | 22",
        // Inside the second expansion: the second tag, not the first (round 22).
        "CREATE TABLE <% s %>.a (x INT REFERENCES <% s %>.b) | CREATE TABLE an.a (x INT REFERENCES an.b) | 36 | 41",
        "CREATE TABLE <% s %>.a (x INT REFERENCES <% s %>.b) | CREATE TABLE an.a (x INT REFERENCES an.b) | 39 | 49",
        // One tag that is the whole line (a partial): every column is in its expansion.
        "<% partial x %>                                     | something else entirely                   | 5  | 1",
    })
    void aColumnMapsToTheSameCharacterOrItsTag(String template, String rendered, int column, int expected) {
        assertThat(TemplatePositions.aligned(template, rendered, column)).isEqualTo(OptionalInt.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // Two tags that touch: where the first expansion ends is unknown.
        "a <% b %><% c %> z | a BC z   | 4",
        // Text that differs outside any tag: the line is not this template's.
        "SELECT 1           | SELECT 2 | 8",
    })
    void linesThatDoNotLineUpGiveNoColumn(String template, String rendered, int column) {
        assertThat(TemplatePositions.aligned(template, rendered, column)).isEmpty();
    }
}
