package dev.storyc.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.SourceFile;
import dev.storyc.workspace.ArtifactKind;
import dev.storyc.workspace.StoryFile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** E0804 points at the first line where the working tree leaves the pinned text. */
class FirstEditedLineTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a middle line changed         | a\\nb\\nc\\n | a\\nB\\nc\\n | 2
            a line added at the end       | a\\nb\\n    | a\\nb\\nc\\n | 3
            the last lines deleted        | a\\nb\\nc\\n | a\\nb\\n    | 2
            the first character changed   | a\\nb\\n    | x\\nb\\n    | 1
            an end without a newline      | a\\nb       | a\\nbc      | 2
            everything deleted            | a\\nb\\n    | ''          | 1
            """)
    void pointsAtTheFirstEditedLine(String edit, String pinned, String working, int line) {
        StoryFile file = new StoryFile(
                new SourceFile("stories/s/schema/deploy.sql", unescape(working)), ArtifactKind.SCHEMA_DEPLOY,
                "schema/deploy.sql");

        assertThat(PinnedChangeEdits.firstEditedLine(file, unescape(pinned)))
                .as(edit)
                .satisfies(position -> {
                    assertThat(position.line()).isEqualTo(line);
                    assertThat(position.column()).isEqualTo(1);
                });
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }
}
