package dev.storyc.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheNotFoundException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.SpecMustacheFactory;
import com.github.mustachejava.SpecMustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.PartialCode;
import com.github.mustachejava.util.IndentWriter;
import com.github.mustachejava.reflect.MapObjectHandler;
import dev.storyc.diag.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    private final Map<String, SourceFile> partials;
    private final List<String> compiling = new ArrayList<>();
    /** Each partial is compiled once per name, however many tags include it. */
    private final Map<String, Mustache> compiledPartials = new java.util.HashMap<>();

    /** @param partials partial sources by name, such as {@code lkml/audit_timestamps} */
    StrictMustacheFactory(Map<String, SourceFile> partials) {
        this.partials = partials;
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
        return compile(new TextReader(template.text()), template.path(), START, END);
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
            Mustache mustache = mc.compile(new TextReader(source.text()), source.path(), START, END);
            mustache.init();
            compiledPartials.put(name, mustache);
            return mustache;
        } finally {
            compiling.remove(compiling.size() - 1);
        }
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
        return new SpecMustacheVisitor(this) {
            @Override
            public void value(TemplateContext tc, String variable, boolean encoded) {
                list.add(new StrictCodes.Value(tc, df, variable));
            }

            @Override
            public void iterable(TemplateContext tc, String variable, Mustache mustache) {
                list.add(new StrictCodes.Section(tc, df, mustache, variable));
            }

            @Override
            public void notIterable(TemplateContext tc, String variable, Mustache mustache) {
                list.add(new StrictCodes.InvertedSection(tc, df, mustache, variable));
            }

            @Override
            public void partial(TemplateContext tc, String variable, String indent) {
                // Stock Mustache.java resets partials to {{ }}; storyc partials use <% %> like everything else.
                TemplateContext partialContext = new TemplateContext(START, END, tc.file(), tc.line(), tc.startOfLine());
                list.add(new IndentedPartial(partialContext, df, variable, indent));
            }
        };
    }

    /** A partial whose every line is indented like the tag that includes it. */
    private static final class IndentedPartial extends PartialCode {
        private final String indent;

        IndentedPartial(TemplateContext tc, DefaultMustacheFactory df, String variable, String indent) {
            super(tc, df, variable);
            this.indent = indent;
        }

        @Override
        protected Writer executePartial(Writer writer, List<Object> scopes) {
            partial.execute(new IndentWriter(writer, indent), scopes);
            return writer;
        }
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
