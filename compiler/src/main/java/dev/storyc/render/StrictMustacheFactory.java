package dev.storyc.render;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheNotFoundException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.SpecMustacheFactory;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.MapObjectHandler;
import dev.storyc.diag.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mustache factory configured the storyc way: {@code <% %>} delimiters everywhere (partials
 * included), no HTML escaping, data from maps only (no reflection into Java objects), partials
 * looked up by name from memory, and strict codes for values and sections.
 *
 * <p>It follows the Mustache specification's whitespace rules: a section tag alone on its line
 * leaves no blank line, and a partial alone on its line is indented as the tag is. Generated files
 * then look as if written by hand, which keeps output diffs readable.
 */
final class StrictMustacheFactory extends SpecMustacheFactory {
    static final String START = "<%";
    static final String END = "%>";
    /**
     * How deep partials may include partials. Real templates nest two or three deep; the limit
     * stops a chain of partials that each include the next twice from doubling its way to a hang.
     */
    static final int MAX_PARTIAL_DEPTH = 16;
    /**
     * How deep sections may nest. Mustache.java parses and renders a section by recursion, so a
     * template nested thousands deep would exhaust the stack; real templates nest a few levels.
     */
    static final int MAX_SECTION_DEPTH = 100;
    /** A tag that opens or closes a section. */
    private static final Pattern SECTION_TAG = Pattern.compile("<%\\s*([#^$</])");
    /** A triple tag with nothing to name; see {@link #parsed}. */
    private static final Pattern NAMELESS_TRIPLE = Pattern.compile("<%\\{\\s*%>");

    private final Map<String, SourceFile> partials;
    private final List<String> compiling = new ArrayList<>();
    /** Each partial is compiled once per name, however many tags include it. */
    private final Map<String, Mustache> compiledPartials = new HashMap<>();

    /** Whether the visitor hands Mustache.java each run of text at once ({@link StrictMustacheVisitor}). */
    private final boolean coalesceWrites;

    /** @param partials partial sources by name, such as {@code lkml/audit_timestamps} */
    StrictMustacheFactory(Map<String, SourceFile> partials) {
        this(partials, true);
    }

    /**
     * Returns a factory whose visitor writes text line by line when {@code coalesceWrites} is
     * false: Mustache.java's own way, which a test compares with storyc's.
     */
    StrictMustacheFactory(Map<String, SourceFile> partials, boolean coalesceWrites) {
        this.partials = partials;
        this.coalesceWrites = coalesceWrites;
        setObjectHandler(new MapObjectHandler() {
            @Override
            public String stringify(Object object) {
                // A secret is reported by the strict code; it must never reach the writer.
                return dev.storyc.config.Tainted.isSecret(object) ? "" : super.stringify(object);
            }
        });
    }

    /** Compiles a template; syntax errors surface as {@link MustacheException}. */
    Mustache compileTemplate(SourceFile template) {
        return parsed(template, () -> compile(new TextReader(template.text()), template.path(), START, END));
    }

    /**
     * Returns what {@code parse} compiles of {@code source}, with the one malformed tag Mustache.java's
     * parser fails on with a bare IndexOutOfBoundsException, a triple tag with no name ({@code <%{%>}),
     * turned into a syntax error on that tag's line: storyc would otherwise report a typo as an
     * internal error. Every other malformed tag already fails as a MustacheException.
     */
    private static Mustache parsed(SourceFile source, Supplier<Mustache> parse) {
        int depth = 0;
        for (Matcher tag = SECTION_TAG.matcher(source.text()); tag.find(); ) {
            depth += tag.group(1).equals("/") ? -1 : 1;
            if (depth > MAX_SECTION_DEPTH) {
                throw new MustacheException("sections are nested more than " + MAX_SECTION_DEPTH + " deep",
                        new TemplateContext(START, END, source.path(), source.positionOf(tag.start()).line(), false));
            }
        }
        try {
            return parse.get();
        } catch (IndexOutOfBoundsException e) {
            Matcher tag = NAMELESS_TRIPLE.matcher(source.text());
            int line = tag.find() ? source.positionOf(tag.start()).line() : 1;
            throw new MustacheException("a <%{ %> tag names nothing", e,
                    new TemplateContext(START, END, source.path(), line, false));
        }
    }

    @Override
    public void encode(String value, Writer writer) {
        try {
            writer.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String resolvePartialPath(String dir, String name, String extension) {
        return name;
    }

    @Override
    public Mustache compilePartial(String name) {
        SourceFile source = partials.get(name);
        if (source == null) {
            throw new MustacheNotFoundException(name);
        }
        if (compiling.contains(name)) {
            String includer = partials.get(compiling.get(compiling.size() - 1)).path();
            throw new PartialRecursionException(name, String.join(" -> ", compiling) + " -> " + name, includer);
        }
        Mustache cached = compiledPartials.get(name);
        if (cached != null) {
            return cached;
        }
        if (compiling.size() >= MAX_PARTIAL_DEPTH) {
            String includer = partials.get(compiling.get(compiling.size() - 1)).path();
            throw new PartialDepthException(name, String.join(" -> ", compiling) + " -> " + name, includer);
        }
        compiling.add(name);
        try {
            Mustache mustache = parsed(source, () -> mc.compile(new TextReader(source.text()), source.path(), START, END));
            mustache.init();
            compiledPartials.put(name, mustache);
            return mustache;
        } finally {
            compiling.remove(compiling.size() - 1);
        }
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
        return new StrictMustacheVisitor(this, coalesceWrites);
    }

    /**
     * Thrown when the chain of partials being compiled cannot go on; says which partial closed
     * the chain and from where, so the diagnostic can point at its tag.
     */
    abstract static sealed class PartialChainException extends MustacheException
            permits PartialRecursionException, PartialDepthException {
        private final String partial;
        private final String chain;
        private final String includer;

        PartialChainException(String message, String partial, String chain, String includer) {
            super(message);
            this.partial = partial;
            this.chain = chain;
            this.includer = includer;
        }

        /** Returns the path of the partial whose tag closes the chain. */
        String includer() {
            return includer;
        }

        String partial() {
            return partial;
        }

        String chain() {
            return chain;
        }
    }

    /** Thrown when a partial includes itself, directly or through others. */
    static final class PartialRecursionException extends PartialChainException {
        PartialRecursionException(String partial, String chain, String includer) {
            super("partial `" + partial + "` includes itself: " + chain, partial, chain, includer);
        }
    }

    /** Thrown when partials nest deeper than {@link #MAX_PARTIAL_DEPTH}. */
    static final class PartialDepthException extends PartialChainException {
        PartialDepthException(String partial, String chain, String includer) {
            super("partials nest deeper than " + MAX_PARTIAL_DEPTH + ": " + chain,
                    partial, chain, includer);
        }
    }
}
