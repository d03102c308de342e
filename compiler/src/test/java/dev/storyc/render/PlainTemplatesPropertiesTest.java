package dev.storyc.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mustachejava.Mustache;
import dev.storyc.diag.SourceFile;
import java.io.StringWriter;
import java.util.ArrayList;
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
 * not for a carriage return without a line feed, which this property found. Texts are
 * drawn from the characters that mean something to Mustache or to a line-based reader: the halves
 * of the delimiters, braces, and every kind of line end.
 */
class PlainTemplatesPropertiesTest {
    @Provide
    Arbitrary<String> plainTexts() {
        return Arbitraries.strings()
                .withChars('<', '%', '>', '{', '}', '#', '^', '/', '!', '=', '&', '\\', ' ', '\t', '\n', '\r',
                        '\u0000', '\u2028', 'a', '\u00e9')
                .ofMaxLength(60)
                .filter(text -> !text.contains(StrictMustacheFactory.START));
    }

    /** Whichever way a text goes, plain or compiled, it renders as Mustache.java renders it. */
    @Property(tries = 1000)
    void aTextWithoutTagsRendersAsMustacheWouldRenderIt(@ForAll("plainTexts") String text) {
        Rendered rendered = TemplateRendererTest.render(text);

        assertThat(rendered.diagnostics()).isEmpty();
        assertThat(rendered.text()).isEqualTo(compiledAndRendered(text));
    }

    @Example
    void aCarriageReturnWithoutALineFeedIsLeftToMustache() {
        assertThat(TemplateRenderer.isPlain("a\r\nb\r\n")).isTrue();
        assertThat(TemplateRenderer.isPlain("a\rb")).isFalse();
        assertThat(TemplateRenderer.isPlain("a\r")).isFalse();
        assertThat(TemplateRenderer.isPlain("a\r\r\nb")).isFalse();
        assertThat(TemplateRendererTest.render("a\rb\r\n").text()).isEqualTo("ab\r\n");
    }

    @Example
    void aTextWithATagIsNotPlain() {
        assertThat(TemplateRenderer.isPlain("a <% env.name %> b")).isFalse();
        assertThat(TemplateRenderer.isPlain("a <%")).isFalse();
        assertThat(TemplateRenderer.isPlain("a %> b <")).isTrue();
        assertThat(TemplateRendererTest.render("<% env.name %>\n").text()).isEqualTo("dev-alice\n");
    }

    @Example
    void aTextTooLongToRenderIsNotPlain() {
        assertThat(TemplateRenderer.isPlain("a".repeat(TemplateRenderer.MAX_RENDERED_CHARS))).isTrue();
        assertThat(TemplateRenderer.isPlain("a".repeat(TemplateRenderer.MAX_RENDERED_CHARS + 1))).isFalse();
    }

    private static String compiledAndRendered(String text) {
        Mustache mustache = new StrictMustacheFactory(Map.of()).compileTemplate(new SourceFile("t.sql", text));
        StringWriter out = new StringWriter();
        List<Object> scopes = new ArrayList<>(List.of(TemplateRendererTest.CONTEXT));
        mustache.execute(out, scopes);
        return out.toString();
    }
}
