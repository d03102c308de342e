package dev.storyc.toml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/** The spans the line-preserving editors cut at, on the text tomlj's positions point into. */
class TomlSpansTest {
    static final String TEXT = "a = 1\n[t]\nkey = \"v\" # c\n";

    @Test
    void offsetsFollowLinesAndColumnsAndClampPastTheEnd() {
        assertThat(TomlSpans.offsetOf(TEXT, 1, 1)).isZero();
        assertThat(TomlSpans.offsetOf(TEXT, 2, 2)).isEqualTo(7);
        assertThat(TEXT.charAt(TomlSpans.offsetOf(TEXT, 3, 7))).isEqualTo('"');
        assertThat(TomlSpans.offsetOf(TEXT, 3, 0)).isEqualTo(10);
        assertThat(TomlSpans.offsetOf("x\ny", 9, 1)).isEqualTo(2);
    }

    @Test
    void offsetsAgreeWithTomljPositions() {
        TomlParseResult toml = Toml.parse(TEXT);
        int at = TomlSpans.offsetOf(TEXT, toml.inputPositionOf("t.key"));
        assertThat(TEXT.substring(at)).startsWith("key = ");
    }

    @Test
    void linesStartAfterTheNewlineAndEndAtTheNext() {
        assertThat(TomlSpans.lineStart(TEXT, 0)).isZero();
        assertThat(TomlSpans.lineStart(TEXT, 5)).isZero();
        assertThat(TomlSpans.lineStart(TEXT, 6)).isEqualTo(6);
        assertThat(TomlSpans.lineStart(TEXT, 12)).isEqualTo(10);
        assertThat(TomlSpans.lineEnd(TEXT, 0)).isEqualTo(5);
        assertThat(TomlSpans.lineEnd("no newline", 3)).isEqualTo(10);
    }

    @Test
    void valuesStartAfterTheEqualsSignAndBlanks() {
        assertThat(TomlSpans.valueStart("k =\t 'x'", 0)).isEqualTo(5);
        assertThat(TomlSpans.valueStart("k", 0)).isEqualTo(-1);
        assertThat(TomlSpans.skipBlanks(" \t x", 0)).isEqualTo(3);
        assertThat(TomlSpans.skipBlanks("ab", 2)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"abc\" # c`             | 5",
        "`\"a\\\"b\" rest`         | 6",
        "`\"a\\\\\" rest`          | 5",
        "`'a\\' rest`              | 4",
        "`'''x\n'y''' z`           | 10",
        "`\"\"\"a\\\"\"\"\"\"\" z` | 11",
        "`\"\"\"ab\"\"\"\"\" z`    | 10",
        "`\"open`                  | -1",
        "`\"line\nbreak\"`         | -1",
        "`bare`                    | -1",
        "`'''never closed`         | -1",
    })
    void stringsEndAfterTheirClosingQuote(String text, int end) {
        assertThat(TomlSpans.stringEnd(text, 0)).isEqualTo(end);
    }

    @Test
    void stringEndIsMinusOneOutsideTheText() {
        assertThat(TomlSpans.stringEnd("\"a\"", -1)).isEqualTo(-1);
        assertThat(TomlSpans.stringEnd("\"a\"", 3)).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"w48\" # now`  | 5",
        "`2026 # year`    | 4",
        "`true, x = 1 }`  | 4",
        "`1.5}`           | 3",
        "`end`            | 3",
    })
    void valuesEndAtTheirStringOrBareToken(String text, int end) {
        assertThat(TomlSpans.valueEnd(text, 0)).isEqualTo(end);
    }

    @Test
    void closingBracketSkipsStringsCommentsAndNestedArrays() {
        String text = "[\"a]\", # ] not this\n  [1, 2], 'b]'\n] # after";
        assertThat(text.substring(TomlSpans.closingBracket(text, 1))).startsWith("] # after");
        assertThat(TomlSpans.closingBracket("[\"a\", 'b'", 1)).isEqualTo(-1);
        assertThat(TomlSpans.closingBracket("[\"never", 1)).isEqualTo(-1);
    }

    @Test
    void tableHeadersCountOnlyAtTheStartOfALine() {
        String text = "x = \"[pins]\"\n[[pins]]\n  [pins]\n";
        assertThat(TomlSpans.tableHeader(text, "pins")).isEqualTo(text.indexOf("  [pins]") + 2);
        assertThat(TomlSpans.tableHeader("[pins]\n", "pins")).isZero();
        assertThat(TomlSpans.tableHeader("[other]\n", "pins")).isEqualTo(-1);
    }
}
