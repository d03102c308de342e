package dev.storyc.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.workspace.ImportedFile;

import org.junit.jupiter.api.Test;

import java.util.Map;

/** Freezing edits only the pins' text: replaced in place, or inserted after the import's path. */
class ImportPinsTest {
    static final String SHA = "a".repeat(64);
    static final Map<String, ImportedFile> LOADED =
            Map.of(
                    "shared/base.toml",
                    new ImportedFile.Loaded(new SourceFile("shared/base.toml", "x = 1\n"), SHA));

    static Result<ImportPins.Frozen> freeze(String text) {
        return ImportPins.freeze(new SourceFile("environments.toml", text), LOADED);
    }

    @Test
    void anInlineImportGetsItsPinInsideTheBraces() {
        Result<ImportPins.Frozen> frozen =
                freeze("imports = [ { path = \"shared/base.toml\" } ] # shared\n");

        assertThat(frozen.get().text())
                .isEqualTo(
                        "imports = [ { path = \"shared/base.toml\", sha256 = \""
                                + SHA
                                + "\" } ] # shared\n");
        assertThat(frozen.get().pins())
                .containsExactly(new ImportPins.Pin("shared/base.toml", SHA, true));
    }

    @Test
    void anImportTableGetsAPinLineWithThePathsIndentationAndLineEnding() {
        Result<ImportPins.Frozen> frozen =
                freeze("[[imports]]\r\n  path = 'shared/base.toml'  # why\r\n[x]\r\n");

        assertThat(frozen.get().text())
                .isEqualTo(
                        "[[imports]]\r\n  path = 'shared/base.toml'  # why\r\n  sha256 = \""
                                + SHA
                                + "\"\r\n[x]\r\n");
    }

    @Test
    void aStalePinIsReplacedInPlaceEvenWhenWrittenAsAMultiLineString() {
        String text = "[[imports]]\npath = \"shared/base.toml\"\nsha256 = \"\"\"old\"\"\" # keep\n";

        assertThat(freeze(text).get().text())
                .isEqualTo(
                        "[[imports]]\npath = \"shared/base.toml\"\nsha256 = \""
                                + SHA
                                + "\" # keep\n");
    }

    @Test
    void aCurrentPinIsLeftAlone() {
        String text = "imports = [{ path = \"shared/base.toml\", sha256 = \"" + SHA + "\" }]\n";

        Result<ImportPins.Frozen> frozen = freeze(text);

        assertThat(frozen.get().text()).isEqualTo(text);
        assertThat(frozen.get().pins())
                .containsExactly(new ImportPins.Pin("shared/base.toml", SHA, false));
    }
}
