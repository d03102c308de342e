package dev.storyc.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A story title in a Mermaid label is text: its markup characters are written as entity codes. */
class RequiresGraphTextTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Claims: one row per claim                  | Claims: one row per claim
            a < b > c                                  | a #lt; b #gt; c
            <img src=x onerror=alert(1)>               | #lt;img src=x onerror=alert(1)#gt;
            Tom & "Jerry"                              | Tom #amp; #quot;Jerry#quot;
            Issue #35; and #quot;quoted#quot;          | Issue #35;35; and #35;quot;quoted#35;quot;
            """)
    void markupInATitleIsWrittenAsEntityCodes(String title, String label) {
        assertThat(RequiresGraph.mermaidText(title)).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            Files on C:\\share\\              | Files on C:\\\\share\\\\
            Other \\N and \\G                 | Other \\\\N and \\\\G
            say "hi"                             | say \\"hi\\"
            """)
    void aTitleIsDotTextWithBackslashesAndQuotesEscaped(String title, String text) {
        assertThat(RequiresGraph.dotText(title)).isEqualTo(text);
    }
}
