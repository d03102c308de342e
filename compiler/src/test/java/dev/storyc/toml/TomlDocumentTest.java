package dev.storyc.toml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.SourceFile;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

/** Positions of keys and elements, syntax errors and unknown keys, at file:line:col. */
class TomlDocumentTest {
    static final SourceFile FILE =
            new SourceFile(
                    "story.toml",
                    """
                    title = "Patients"
                    requires = [
                      "base",
                        "more",
                    ]
                    [owner]
                    nmae = "alice"
                    """);

    /** tomlj goes on after an error from where it stopped: what follows is not the user's mistake. */
    @Test
    void aSyntaxErrorIsReportedOnceNotWithTheCascadeAfterIt() {
        Diagnostics diagnostics = new Diagnostics();
        Optional<TomlDocument> doc = TomlDocument.parse(new SourceFile("releases/w.toml",
                "stories = [\n  \"one\"\n  \"two\"\n]\n"), Code.RELEASE_TOML_SYNTAX, diagnostics);

        assertThat(doc).isEmpty();
        assertThat(diagnostics.all()).singleElement()
                .satisfies(d -> assertThat(d.position()).hasToString("releases/w.toml:3:3"));
    }

    @Test
    void valuesAndNamesArePlacedWhereTheyAreWritten() {
        TomlDocument doc = TomlDocument.parse(new SourceFile("phi.toml",
                "[tables.patients]\nmrn   =  \"identifer\"\n"), Code.PHI_FILE_SYNTAX, new Diagnostics()).orElseThrow();
        var tables = doc.root().getTable("tables");

        assertThat(doc.nameAt(doc.positionOf(tables, "patients"), "patients")).hasToString("phi.toml:1:9");
        assertThat(doc.valuePositionOf(tables.getTable("patients"), "mrn")).hasToString("phi.toml:2:10");
    }

    @Test
    void knowsWhereEachKeyAndElementWasWritten() {
        TomlDocument doc =
                TomlDocument.parse(FILE, Code.ENV_TOML_SYNTAX, new Diagnostics()).orElseThrow();

        assertThat(doc.positionOf(doc.root(), "requires").toString()).isEqualTo("story.toml:2:1");
        assertThat(doc.positionOf(doc.root().getArray("requires"), 1).toString())
                .isEqualTo("story.toml:4:5");
        assertThat(doc.positionOf(doc.root(), "absent").toString()).isEqualTo("story.toml");
        assertThat(doc.filePosition().toString()).isEqualTo("story.toml");
        assertThat(doc.source()).isSameAs(FILE);
    }

    @Test
    void unknownKeysAreErrorsWithASpellingHint() {
        TomlDocument doc =
                TomlDocument.parse(FILE, Code.ENV_TOML_SYNTAX, new Diagnostics()).orElseThrow();
        Diagnostics diagnostics = new Diagnostics();

        doc.rejectUnknownKeys(
                doc.root().getTable("owner"),
                Set.of("name", "email"),
                Code.ENV_FIELD_TYPE,
                "[owner]",
                "see the docs",
                diagnostics);

        assertThat(diagnostics.all())
                .extracting(
                        d ->
                                d.code().id()
                                        + " "
                                        + d.position()
                                        + " "
                                        + d.message()
                                        + " / "
                                        + d.hint().orElse(""))
                .containsExactly(
                        "E0203 story.toml:7:1 unknown field `nmae` in [owner] / did you mean"
                            + " `name`?");
    }

    @Test
    void syntaxErrorsAreReportedUnderTheGivenCodeAndNoDocumentIsReturned() {
        Diagnostics diagnostics = new Diagnostics();

        Optional<TomlDocument> doc =
                TomlDocument.parse(
                        new SourceFile("e.toml", "a = 1\nb = [\n"),
                        Code.ENV_TOML_SYNTAX,
                        diagnostics);

        assertThat(doc).isEmpty();
        assertThat(diagnostics.all())
                .isNotEmpty()
                .allSatisfy(
                        d -> {
                            assertThat(d.code()).isEqualTo(Code.ENV_TOML_SYNTAX);
                            assertThat(d.position().file()).isEqualTo("e.toml");
                            assertThat(d.position().line()).isEqualTo(3);
                            assertThat(d.message())
                                    .startsWith("invalid TOML: ")
                                    .doesNotContain("(line ");
                            assertThat(d.hint())
                                    .contains("see https://toml.io/en/v1.0.0 for the syntax");
                        });
    }
}
