package dev.storyc.toml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomlj.Toml;

/** Generated TOML (locks, plans, pins) round-trips any value through tomlj. */
class TomlTextTest {
    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(TomlText.string("a\"b\\c\nd\te\rf\u0001g\u007f"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\rf\\u0001g\\u007F\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain",
                "with \"quotes\"",
                "back\\slash",
                "new\nline",
                "tab\t",
                "bell\u0007",
                "é ü 中文",
                "''' and \"\"\""
            })
    void everyStringRoundTrips(String value) {
        assertThat(Toml.parse("k = " + TomlText.string(value)).getString("k")).isEqualTo(value);
    }

    @Test
    void keysAreBareWhenTheyCanBe() {
        assertThat(TomlText.key("care-gaps_2")).isEqualTo("care-gaps_2");
        assertThat(TomlKeys.quote("a.b")).isEqualTo("\"a.b\"");
        assertThat(TomlKeys.quote("")).isEqualTo("\"\"");
        assertThat(Toml.parse(TomlText.key("a.b") + " = 1").getLong(java.util.List.of("a.b")))
                .isEqualTo(1L);
    }
}
