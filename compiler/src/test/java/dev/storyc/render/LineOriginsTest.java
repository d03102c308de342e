package dev.storyc.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.SourceFile;
import dev.storyc.workspace.Stdlib;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LineOriginsTest {
    static final Stdlib STDLIB = StdlibLoader.load();
    static final TemplateRenderer RENDERER = TemplateRenderer.forWorkspace(new Workspace(Optional.empty(),
            new TreeMap<>(), new TreeMap<>(), Map.of("two", new SourceFile("partials/two.mustache", "one\ntwo\n")),
            Optional.empty(), STDLIB));

    static int[] origins(String template, Map<String, Object> context) {
        SourceFile source = new SourceFile("t.lkml", template);
        Rendered rendered = RENDERER.render(source, context);
        assertThat(rendered.ok()).as(rendered.diagnostics().toString()).isTrue();
        LineOrigins origins = RENDERER.trace(source, context, rendered.text());
        int lines = (int) rendered.text().lines().count();
        int[] result = new int[lines];
        for (int i = 0; i < lines; i++) {
            result[i] = origins.templateLine(i + 1);
        }
        return result;
    }

    @Test
    void partialLinesBelongToTheirTagAndLaterLinesShiftBack() {
        assertThat(origins("a\n  <%> lkml/audit_timestamps %>\nb <% x %>\nc\n", Map.of("x", "X")))
                .containsExactly(1, 2, 2, 2, 2, 2, 2, 3, 4);
    }

    /** Round 18: every line of three partials in a row went to the first tag. */
    @Test
    void eachOfSeveralPartialsInARowOwnsItsOwnLines() {
        // Mustache.java keeps the newline of the second standalone tag in a row: a blank line, its tag's.
        assertThat(origins("a\n<%> two %>\n<%> two %>\n<%> two %>\nb\n", Map.of()))
                .containsExactly(1, 2, 2, 3, 3, 3, 4, 4, 5);
        assertThat(origins("<%> two %>\n<%# on %>\n<%> two %>\n<%/ on %>\n<%> two %>\n", Map.of("on", true)))
                .containsExactly(1, 1, 3, 3, 5, 5);
    }

    @Test
    void sectionTagLinesProduceNothing() {
        assertThat(origins("a\n<%# on %>\nb\n<%/ on %>\n<%^ on %>\nc\n<%/ on %>\nd\n", Map.of("on", true)))
                .containsExactly(1, 3, 8);
    }

    @Test
    void repeatedSectionsMapEachIterationToTheirLine() {
        assertThat(origins("<%# items %>\nitem <% . %>\n<%/ items %>\nend\n", Map.of("items", List.of("a", "b"))))
                .containsExactly(2, 2, 4);
    }

    @Test
    void multiLineValuesBelongToTheirTag() {
        assertThat(origins("a\nb <% x %> c\nd\n", Map.of("x", "1\n2"))).containsExactly(1, 2, 2, 3);
    }

    @Test
    void theUsersOwnControlCharactersNeverPassForMarkers() {
        assertThat(origins("a \u0001\u0002\u0003\u0004\nb <% x %>\n\u0001\nc\n", Map.of("x", "\u0001")))
                .containsExactly(1, 2, 3, 4);
        assertThat(LineOrigins.Markers.unusedIn("\u0001", "x\u0004"))
                .contains(new LineOrigins.Markers('\ue000', '\ue001'));
        assertThat(LineOrigins.Markers.unusedIn("\u0001\u0003\ue000\ue002")).isEmpty();
    }
}
