package dev.storyc.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Optional;

/** Promotion changes one value, or adds one line, and leaves every other byte alone. */
class PromotionEditorTest {
    static final String FILE =
            """
            # Where each release runs.
            [environments.acceptance]
            kind = "acceptance"
            release   =   "2026-W47"   # promoted on Monday

            [environments.production]
            kind = "production"
            extends = "acceptance"
            """;

    @Test
    void replacesOnlyTheValueKeepingSpacingAndComment() {
        assertThat(PromotionEditor.promote(FILE, "acceptance", "2026-W48"))
                .contains(FILE.replace("\"2026-W47\"", "\"2026-W48\""));
    }

    @Test
    void addsALineUnderTheHeaderOfAnEnvironmentThatInheritsItsRelease() {
        assertThat(PromotionEditor.promote(FILE, "production", "2026-W47"))
                .contains(
                        FILE.replace(
                                "[environments.production]\n",
                                "[environments.production]\nrelease = \"2026-W47\"\n"));
    }

    @Test
    void aHeaderOnTheLastLineWithoutANewlineGetsOne() {
        assertThat(PromotionEditor.promote("[environments.dev]", "dev", "r1"))
                .contains("[environments.dev]\nrelease = \"r1\"\n");
    }

    @Test
    void literalStringsAndNamesThatNeedEscapingAreWrittenAsBasicStrings() {
        assertThat(
                        PromotionEditor.promote(
                                "[environments.a]\nrelease = 'old' # x\n", "a", "say \"hi\""))
                .contains("[environments.a]\nrelease = \"say \\\"hi\\\"\" # x\n");
    }

    @Test
    void aBareValueIsReplacedUpToItsComment() {
        assertThat(
                        PromotionEditor.promote(
                                "[environments.a]\nrelease = 2026 # not a string\n", "a", "r2"))
                .contains("[environments.a]\nrelease = \"r2\" # not a string\n");
    }

    @Test
    void refusesWhatItCannotEditByLine() {
        assertThat(PromotionEditor.promote("environments.a = { release = \"r1\" }\n", "b", "r2"))
                .isEmpty();
        assertThat(
                        PromotionEditor.promote(
                                "[environments]\na = { kind = \"acceptance\" }\n", "a", "r2"))
                .isEqualTo(Optional.empty());
        assertThat(PromotionEditor.promote("not = [valid\n", "a", "r2")).isEmpty();
    }

    @Test
    void aReleaseInAnInlineTableIsReplacedInPlace() {
        String inline = "[environments]\na = { release = \"r1\", kind = \"x\" }\n";
        assertThat(PromotionEditor.promote(inline, "a", "r2"))
                .contains("[environments]\na = { release = \"r2\", kind = \"x\" }\n");
    }
}
