package dev.storyc.lookml.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Diagnostic;
import dev.storyc.lookml.Corpus;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each of the three invalid corpus files gives its diagnostic at the right place. */
class CorpusInvalidTest {
    private static final String LAMS = "looker-open-source+look-at-me-sideways/__tests__/dummy-projects/";

    @Test
    void invalidFilesAreListed() {
        Path dir = Corpus.require();
        assertThat(Corpus.invalid(dir)).containsExactlyInAnyOrder(
                LAMS + "11-syntax-error/error.model.lkml",
                LAMS + "14-ignore-paths/misc2/ignore_me.model.lkml",
                "fabio-looker+node-lookml-parser/test-projects/010-list-commas/x-no-empty-middle.view.lkml");
    }

    @Test
    void unclosedBlockAtEndOfFile() {
        assertThat(render(LAMS + "11-syntax-error/error.model.lkml")).isEqualTo(
                "1:22 E0504 Block `explore: unparseable` is never closed. [the file ends here @ 7:1]");
    }

    @Test
    void keyWithoutColonAtEndOfFile() {
        assertThat(render(LAMS + "14-ignore-paths/misc2/ignore_me.model.lkml")).isEqualTo(
                "1:20 E0506 Key `this_syntax_is_not_ok` is not followed by `:`.");
    }

    @Test
    void emptyListElement() {
        assertThat(render("fabio-looker+node-lookml-parser/test-projects/010-list-commas/x-no-empty-middle.view.lkml"))
                .isEqualTo("2:36 E0508 List `fields` has an empty element between two commas.");
    }

    private static String render(String file) {
        Path dir = Corpus.require();
        Map<String, String> files = Corpus.lkml(dir);
        ParsedFile parsed = LookmlParser.parse(file, files.get(file));
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.tree().print()).isEqualTo(files.get(file));
        assertThat(parsed.diagnostics()).hasSize(1);
        Diagnostic d = parsed.diagnostics().get(0);
        StringBuilder out = new StringBuilder()
                .append(d.position().line()).append(':').append(d.position().column())
                .append(' ').append(d.code().id()).append(' ').append(d.message());
        d.related().forEach(r -> out.append(" [").append(r.message()).append(" @ ")
                .append(r.position().line()).append(':').append(r.position().column()).append(']'));
        return out.toString();
    }
}
