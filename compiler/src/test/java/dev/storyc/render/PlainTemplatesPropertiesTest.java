package dev.storyc.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mustachejava.Mustache;
import dev.storyc.diag.SourceFile;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A template without a tag is not compiled but returned as it is ({@link TemplateRenderer#isPlain});
 * that is only right if Mustache.java, compiling it, would write exactly the same text. It would
 * not around carriage returns, as this property found twice: Mustache drops one that no line
 * feed follows, and writes an empty line after a CRLF as CRLF. Texts are
 * drawn from the characters that mean something to Mustache or to a line-based reader: the halves
 * of the delimiters, braces, and the other line ends.
 */
class PlainTemplatesPropertiesTest {
    @Provide
    Arbitrary<String> plainTexts() {
        return Arbitraries.strings()
                .withChars('<', '%', '>', '{', '}', '#', '^', '/', '!', '=', '&', '\\', ' ', '\t', '\n', '\u000b',
                        '\u000c', '\u0085', '\u0000', '\u2028', 'a', '\u00e9')
                .ofMaxLength(60)
                .filter(text -> !text.contains(StrictMustacheFactory.START));
    }

    @Property(tries = 1000)
    void aTextWithoutTagsRendersAsMustacheWouldRenderIt(@ForAll("plainTexts") String text) {
        Rendered rendered = TemplateRendererTest.render(text);

        assertThat(TemplateRenderer.isPlain(text)).isTrue();
        assertThat(rendered.diagnostics()).isEmpty();
        assertThat(rendered.text()).as("the render of code points %s", codePoints(text))
                .isEqualTo(compiledAndRendered(text));
    }

    private static List<String> codePoints(String text) {
        return text.codePoints().mapToObj(Integer::toHexString).toList();
    }

    /** Plain or not, with why: a tag, a carriage return, or a length past what renders. */
    @Example
    void whichTextsArePlain() {
        Map<String, Boolean> plain = new LinkedHashMap<>();
        plain.put("a\nb\n", true);
        plain.put("a %> b <", true);
        plain.put("a".repeat(TemplateRenderer.MAX_RENDERED_CHARS), true);
        plain.put("a <% env.name %> b", false);
        plain.put("a <%", false);
        plain.put("a\r\nb\r\n", false);
        plain.put("a\rb", false);
        plain.put("a".repeat(TemplateRenderer.MAX_RENDERED_CHARS + 1), false);

        plain.forEach((text, expected) -> assertThat(TemplateRenderer.isPlain(text))
                .as("code points %s", text.length() > 20 ? text.length() + " chars" : codePoints(text))
                .isEqualTo(expected));
    }

    /** What the texts that are not plain render to, which is why they are not. */
    @Example
    void textsThatAreNotPlainRenderThroughMustache() {
        assertThat(TemplateRendererTest.render("a\rb\r\n").text()).isEqualTo("ab\r\n");
        assertThat(TemplateRendererTest.render("a\r\n\nb").text()).isEqualTo("a\r\n\r\nb");
        assertThat(TemplateRendererTest.render("<% env.name %>\n").text()).isEqualTo("dev-alice\n");
    }

    private static String compiledAndRendered(String text) {
        Mustache mustache = new StrictMustacheFactory(Map.of()).compileTemplate(new SourceFile("t.sql", text));
        StringWriter out = new StringWriter();
        List<Object> scopes = new ArrayList<>(List.of(TemplateRendererTest.CONTEXT));
        mustache.execute(out, scopes);
        return out.toString();
    }
}
