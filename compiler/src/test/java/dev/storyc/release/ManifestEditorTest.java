package dev.storyc.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyc.workspace.StoryId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every edit changes exactly the intended lines and leaves every other byte alone. */
class ManifestEditorTest {
    static final String MULTILINE = """
            # Release 2026-W48: in acceptance.
            stories = [
              "patients",   # the base of everything
              "encounters",

              # claims waits on billing sign-off
              "claims",
            ]
            """;

    static StoryId id(String value) {
        return new StoryId(value);
    }

    @Test
    void addAppendsALineInTheListsStyle() {
        assertThat(ManifestEditor.of(MULTILINE).add(id("care-gaps"))).isEqualTo("""
                # Release 2026-W48: in acceptance.
                stories = [
                  "patients",   # the base of everything
                  "encounters",

                  # claims waits on billing sign-off
                  "claims",
                  "care-gaps",
                ]
                """);
    }

    @Test
    void addKeepsTheNoTrailingCommaHabitButAddsTheSeparator() {
        String text = "stories = [\n    \"a\",\n    \"b\"\n]\n";
        assertThat(ManifestEditor.of(text).add(id("c"))).isEqualTo("stories = [\n    \"a\",\n    \"b\",\n    \"c\"\n]\n");
    }

    @Test
    void addToInlineAndEmptyLists() {
        assertThat(ManifestEditor.of("stories = [\"a\", \"b\"] # inline\n").add(id("c")))
                .isEqualTo("stories = [\"a\", \"b\", \"c\"] # inline\n");
        assertThat(ManifestEditor.of("stories = []\n").add(id("a"))).isEqualTo("stories = [\"a\"]\n");
        assertThat(ManifestEditor.of("stories = [\n]\n").add(id("a"))).isEqualTo("stories = [\n  \"a\",\n]\n");
    }

    @Test
    void dropDeletesExactlyTheStorysLine() {
        assertThat(ManifestEditor.of(MULTILINE).drop(id("encounters"))).isEqualTo("""
                # Release 2026-W48: in acceptance.
                stories = [
                  "patients",   # the base of everything

                  # claims waits on billing sign-off
                  "claims",
                ]
                """);
        assertThat(ManifestEditor.of(MULTILINE).drop(id("patients"))).doesNotContain("the base of everything")
                .contains("  \"encounters\",\n");
    }

    @Test
    void dropFromAnInlineList() {
        assertThat(ManifestEditor.of("stories = [\"a\", \"b\", \"c\"]\n").drop(id("b"))).isEqualTo("stories = [\"a\", \"c\"]\n");
        assertThat(ManifestEditor.of("stories = [\"a\", \"b\", \"c\"]\n").drop(id("c"))).isEqualTo("stories = [\"a\", \"b\"]\n");
        assertThat(ManifestEditor.of("stories = [\"a\"]\n").drop(id("a"))).isEqualTo("stories = []\n");
    }

    @Test
    void sealAppendsPinsAndResealReplacesOnlyThem() {
        Map<StoryId, String> pins = new LinkedHashMap<>();
        pins.put(id("patients"), "1".repeat(40));
        pins.put(id("claims"), "2".repeat(40));
        String sealed = ManifestEditor.of(MULTILINE).seal(pins);
        assertThat(sealed).isEqualTo(MULTILINE + "\n"
                + "# Sealed: each story's git tree id. Compiles read these trees, not the working tree.\n"
                + "[pins]\npatients = \"" + "1".repeat(40) + "\"\nclaims = \"" + "2".repeat(40) + "\"\n");
        pins.put(id("claims"), "3".repeat(40));
        assertThat(ManifestEditor.of(sealed).seal(pins)).isEqualTo(sealed.replace("2".repeat(40), "3".repeat(40)));
    }

    @Test
    void dropAlsoRemovesThePin() {
        Map<StoryId, String> pins = new LinkedHashMap<>();
        pins.put(id("patients"), "1".repeat(40));
        pins.put(id("claims"), "2".repeat(40));
        String sealed = ManifestEditor.of(MULTILINE).seal(pins);
        String dropped = ManifestEditor.of(sealed).drop(id("claims"));
        assertThat(dropped).doesNotContain("\"claims\"").doesNotContain("claims =").contains("patients = \"" + "1".repeat(40) + "\"\n");
    }

    @Test
    void unsealedRemovesThePinsAndTheirComment() {
        String sealed = ManifestEditor.of(MULTILINE).seal(Map.of(id("patients"), "1".repeat(40)));
        assertThat(ManifestEditor.of(sealed).unsealed()).isEqualTo(MULTILINE);
    }

    /** A copy that kept pins written inline would be sealed to the old release's trees. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            an inline table           | stories = ["x"]\\npins = { x = "%s" }\\n
            dotted keys               | stories = ["x"]\\npins.x = "%s"\\n
            a quoted key              | stories = ["x"]\\n"pins" = { x = "%s" }\\n
            a table after a note      | stories = ["x"]\\ndescription = "why"\\n[pins]\\nx = "%s"\\n
            """)
    void unsealedRemovesPinsInAnyLayout(String layout, String manifest) {
        String sealed = manifest.formatted("0".repeat(40)).replace("\\n", "\n");
        String copy = ManifestEditor.of(sealed).unsealed();
        org.tomlj.TomlParseResult parsed = org.tomlj.Toml.parse(copy);
        assertThat(parsed.errors()).as(layout).isEmpty();
        assertThat(parsed.contains("pins")).as(layout + ": " + copy).isFalse();
        assertThat(parsed.getArray("stories").toList()).containsExactly("x");
        assertThat(parsed.getString("description")).isEqualTo(manifest.contains("description") ? "why" : null);
        assertThat(copy).doesNotContain("0".repeat(40));
    }

    /** Layouts the line edits do not know; found by fuzzing, where two were written broken. */
    @Test
    void anEditItCannotMakeInTheFilesLayoutIsRefusedNotWrittenBroken() {
        String pin = "0123456789abcdef0123456789abcdef01234567";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("add", "stories = [\"patients\"\n]\n");
        cases.put("drop", "stories = [\"appointments\"\n,\"patients\"]\n");
        cases.put("seal", "stories = [\"patients\"]\npins = {}\n");
        cases.put("seal again", "stories = [\"patients\"]\npins.patients = \"" + pin + "\"\n");
        cases.forEach((edit, manifest) -> {
            ManifestEditor editor = ManifestEditor.of(manifest);
            assertThatThrownBy(() -> {
                switch (edit) {
                    case "add" -> editor.add(new StoryId("claims"));
                    case "drop" -> editor.drop(new StoryId("appointments"));
                    default -> editor.seal(Map.of(new StoryId("patients"), pin.replace('0', '9')));
                }
            }).as(edit).isInstanceOf(ManifestLayoutException.class)
                    .hasMessageContaining("the edit would");
        });
    }
}
