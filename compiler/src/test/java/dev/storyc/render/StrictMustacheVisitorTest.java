package dev.storyc.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import dev.storyc.diag.SourceFile;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The visitor hands Mustache.java each run of text between tags at once instead of line by line
 * ({@link StrictMustacheVisitor}); templates must compile to what they compiled to before, or fail
 * as they failed.
 */
class StrictMustacheVisitorTest {
    private static final Map<String, SourceFile> PARTIALS = Map.of(
            "p", new SourceFile("partials/p.mustache", "x <% env.name %>\n  y\n"),
            "q", new SourceFile("partials/q.mustache", "<%# env.variables.tags %>- <% . %>\n<%/ env.variables.tags %>"));

    /**
     * The pieces templates are made of: text and line ends, values (triple and ampersand too),
     * comments, pragmas, a change of delimiters, partials, sections, blocks and extended partials,
     * and tags that name nothing.
     */
    private static final List<String> PIECES = List.of(
            "select", " ", "  ", "\t", "\n", "\n", "\n", "a = 1;", "é—", "<", "%", ">", "{", "}",
            "<% env.name %>", "<% env.warehouse.schema %>", "<%! a comment %>", "<%> p %>", "<%> q %>",
            "<%%pragma a b%>", "<%{ env.name }%>", "<%& env.name %>", "<%{%>", "<%=| |=%>", "|env.name|",
            "<%# %>", "<%/ %>", "<%$ x %>", "<%> %>", "OPEN_TAGS", "OPEN_NOT_PII", "OPEN_BLOCK", "OPEN_EXTEND", "CLOSE");

    @Provide
    Arbitrary<List<String>> pieces() {
        return Arbitraries.of(PIECES).list().ofMaxSize(40);
    }

    @Property(tries = 500)
    void aTemplateRendersAsItDidWithLinesWrittenOneByOne(@ForAll("pieces") List<String> pieces) {
        String text = template(pieces);

        assertThat(compiledAndRendered(text, true)).as("the template %s", text)
                .isEqualTo(compiledAndRendered(text, false));
    }

    @Example
    void textRunsBetweenTagsKeepTheirPlaceAndIndentation() {
        String text = "select\n  a,\n<%# env.variables.tags %>\n  <% . %>,\n<%/ env.variables.tags %>\n"
                + "  <%> p %>\nfrom <% env.warehouse.schema %>.t\n<%! gone %>\n";

        assertThat(compiledAndRendered(text, true))
                .isEqualTo("select\n  a,\n  a,\n  b,\n  x dev-alice\n    y\nfrom analytics.t\n\n")
                .isEqualTo(compiledAndRendered(text, false));
    }

    @Example
    void anUnclosedSectionFailsAsBefore() {
        String text = "a\nb\n<%# env.variables.tags %>\nc\n";

        assertThat(compiledAndRendered(text, true)).startsWith("failed: ")
                .isEqualTo(compiledAndRendered(text, false));
    }

    /** A visitor method left out would let waiting text slip behind the code it should precede. */
    @Example
    void everyVisitorMethodWritesTheWaitingTextFirst() {
        List<String> missing = new ArrayList<>();
        for (Method method : MustacheVisitor.class.getMethods()) {
            try {
                StrictMustacheVisitor.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException e) {
                missing.add(method.getName());
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Returns the pieces as a template, each section closed by the next CLOSE or at the end. */
    private static String template(List<String> pieces) {
        StringBuilder text = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        for (String piece : pieces) {
            switch (piece) {
                case "OPEN_TAGS" -> {
                    text.append("<%# env.variables.tags %>");
                    open.push("env.variables.tags");
                }
                case "OPEN_NOT_PII" -> {
                    text.append("<%^ env.variables.show_pii %>");
                    open.push("env.variables.show_pii");
                }
                case "OPEN_BLOCK" -> {
                    text.append("<%$ block %>");
                    open.push("block");
                }
                case "OPEN_EXTEND" -> {
                    text.append("<%< p %>");
                    open.push("p");
                }
                case "CLOSE" -> {
                    if (!open.isEmpty()) {
                        text.append("<%/ ").append(open.pop()).append(" %>");
                    }
                }
                default -> text.append(piece);
            }
        }
        while (!open.isEmpty()) {
            text.append("<%/ ").append(open.pop()).append(" %>");
        }
        return text.toString();
    }

    private static String compiledAndRendered(String text, boolean coalesce) {
        try {
            var mustache = new StrictMustacheFactory(PARTIALS, coalesce)
                    .compileTemplate(new SourceFile("t.sql", text));
            StringWriter out = new StringWriter();
            mustache.execute(out, new ArrayList<>(List.of(TemplateRendererTest.CONTEXT)));
            return out.toString();
        } catch (MustacheException e) {
            // Only Mustache's own failures, which storyc reports as template errors: anything else
            // escaping a compile would be an internal error, and fails the property.
            return "failed: " + e.getMessage();
        }
    }
}
