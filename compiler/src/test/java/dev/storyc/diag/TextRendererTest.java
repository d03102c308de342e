package dev.storyc.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextRendererTest {
    static final SourceFile VIEW = new SourceFile("stories/p/views/p.view.lkml",
            "view: p {\n  sql_table_name: <% env.warehouse.shema %>.p ;;\n}\n");
    static final SourceFile RELEASE = new SourceFile("releases/r.toml", "stories = [\n  \"p\",\n]\n");

    @Test
    void rendersLikeRustc() {
        Diagnostic diagnostic = Diagnostic.error(Code.TEMPLATE_UNDEFINED_NAME, Position.of(VIEW.path(), 2, 19),
                        "`env.warehouse.shema` is not defined")
                .withHint("did you mean `env.warehouse.schema`?")
                .withRelated(Position.of(RELEASE.path(), 2, 3), "released here");
        String text = TextRenderer.over(List.of(VIEW, RELEASE), false).render(diagnostic);
        assertThat(text).isEqualTo("""
                error[E0401]: `env.warehouse.shema` is not defined
                 --> stories/p/views/p.view.lkml:2:19
                  |
                2 |   sql_table_name: <% env.warehouse.shema %>.p ;;
                  |                   ^^^^^^^^^^^^^^^^^^^^^^^^^
                  = help: did you mean `env.warehouse.schema`?
                  = note: released here at releases/r.toml:2:3
                      "p",
                """);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "password = \"hunter2\"                         | password = \"********\"",
            "password = \"${env:PW:-hunter2}\"              | password = \"${env:PW:-********}\"",
            "url = \"pg://u:${env:PW:-hunter2}@h/${env:DB}\" | url = \"pg://u:${env:PW:-********}@h/${env:DB}\"",
            "password = \"${env:PW}\"                       | password = \"${env:PW}\""})
    void theLineUnderAnExposedSecretIsMaskedValuesAndReferenceDefaultsAlike(String line, String shown) {
        SourceFile toml = new SourceFile("environments.toml", "[bases.b]\n" + line + "\n");
        Diagnostic diagnostic = Diagnostic.error(Code.ENV_SECRET_EXPOSED, Position.of(toml.path(), 2, 1),
                "a secret");
        assertThat(TextRenderer.over(List.of(toml), false).render(diagnostic)).contains("2 | " + shown + "\n")
                .doesNotContain("hunter2");
    }

    @Test
    void aFileLevelPositionHasNoSourceLine() {
        Diagnostic diagnostic = Diagnostic.error(Code.STORY_MANIFEST_MISSING, Position.ofFile("stories/x/story.toml"),
                "story `x` has no story.toml");
        assertThat(TextRenderer.over(List.of(), false).render(diagnostic))
                .isEqualTo("error[E0110]: story `x` has no story.toml\n --> stories/x/story.toml\n");
    }

    @Test
    void colourIsOptIn() {
        Diagnostic diagnostic = Diagnostic.warning(Code.STORY_FIELD_TYPE, Position.of(VIEW.path(), 1, 1), "w");
        assertThat(TextRenderer.over(List.of(VIEW), false).render(diagnostic)).doesNotContain("\u001b[");
        assertThat(TextRenderer.over(List.of(VIEW), true).render(diagnostic)).contains("\u001b[1;33mwarning[E0108]");
    }

    @Test
    void summaryCountsErrorsAndWarnings() {
        Position at = Position.ofFile("f");
        assertThat(TextRenderer.summary(List.of(Diagnostic.error(Code.STORY_FIELD_TYPE, at, "a"),
                Diagnostic.warning(Code.STORY_FIELD_TYPE, at, "b"), Diagnostic.warning(Code.STORY_FIELD_TYPE, at, "c"))))
                .isEqualTo("1 error, 2 warnings");
    }

    @Test
    void spellingSuggestsOnlyCloseNames() {
        assertThat(Spelling.didYouMean("titel", List.of("title", "owner"))).contains("did you mean `title`?");
        assertThat(Spelling.didYouMean("zzzzz", List.of("title", "owner"))).isEmpty();
    }

    @Test
    void controlCharactersFromTheUsersFilesReachTheTerminalOnlyAsEscapes() {
        SourceFile file = new SourceFile("a.toml", "x = \"\u001b[31m\u0000\" # \u0007\n");
        Diagnostic diagnostic = Diagnostic.error(Code.ENV_CONSTRAINT, Position.of(file.path(), 1, 19),
                        "`x` is `\u001b[31m\u0000`, a bad value")
                .withHint("not `\u0007`");
        assertThat(TextRenderer.over(List.of(file), false).render(diagnostic)).isEqualTo("""
                error[E0214]: `x` is `\\u001b[31m\\u0000`, a bad value
                 --> a.toml:1:19
                  |
                1 | x = "\ufffd[31m\ufffd" # \ufffd
                  |                   ^
                  = help: not `\\u0007`
                """);
    }
}
