package dev.storyc.site;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * The site's page templates ({@code storyc/site/*.mustache} in the stdlib jar), rendered with
 * Mustache.java's default factory. Unlike story templates, pages are HTML, so every {@code
 * {{value}}} is HTML-escaped; the few values that are markup already use {@code {{{ }}}}.
 */
final class Templates {
    private final MustacheFactory factory = new DefaultMustacheFactory("storyc/site");

    /** Returns the page {@code name}.mustache rendered over {@code scope}, as UTF-8 bytes. */
    byte[] render(String name, Object scope) {
        Mustache mustache = factory.compile(name + ".mustache");
        StringWriter out = new StringWriter();
        mustache.execute(out, scope);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
