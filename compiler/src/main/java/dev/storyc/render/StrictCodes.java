package dev.storyc.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.ExtendCode;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.ValueCode;
import com.github.mustachejava.util.IndentWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The Mustache codes that make rendering strict. Stock Mustache renders an undefined name as
 * nothing, which would silently ship a view with an empty schema; these report it instead.
 */
final class StrictCodes {
    private StrictCodes() {}

    /** Reports an undefined or secret value, then lets Mustache carry on so every problem is found. */
    private static void inspect(Object value, List<Object> scopes, TemplateContext tc, String name) {
        if (scopes.isEmpty() || !(scopes.get(0) instanceof RenderProblems problems)) {
            return;
        }
        if (value == null) {
            problems.undefined(tc.file(), tc.line(), name);
        } else if (dev.storyc.config.Tainted.isSecret(value)) {
            problems.secret(tc.file(), tc.line(), name);
        }
    }

    static final class Value extends ValueCode {
        Value(TemplateContext tc, DefaultMustacheFactory df, String variable) {
            super(tc, df, variable, false);
        }

        @Override
        public Writer execute(Writer writer, List<Object> scopes) {
            inspect(get(scopes), scopes, tc, name);
            return super.execute(writer, scopes);
        }

        /** Writes a value past any partial indentation, as the spec asks: values are not re-indented. */
        @Override
        protected void execute(Writer writer, String value) throws IOException {
            Writer target = writer;
            if (target instanceof IndentWriter indented) {
                indented.flushIndent();
                target = indented.inner;
                while (target instanceof IndentWriter inner) {
                    target = inner.inner;
                }
            }
            super.execute(target, value);
        }
    }

    static final class Section extends IterableCode {
        Section(TemplateContext tc, DefaultMustacheFactory df, Mustache mustache, String variable) {
            super(tc, df, mustache, variable);
        }

        @Override
        public Writer execute(Writer writer, List<Object> scopes) {
            inspect(get(scopes), scopes, tc, name);
            return super.execute(writer, scopes);
        }
    }

    static final class InvertedSection extends NotIterableCode {
        InvertedSection(TemplateContext tc, DefaultMustacheFactory df, Mustache mustache, String variable) {
            super(tc, df, mustache, variable);
        }

        @Override
        public Writer execute(Writer writer, List<Object> scopes) {
            inspect(get(scopes), scopes, tc, name);
            return super.execute(writer, scopes);
        }
    }

    /**
     * An extended partial, {@code <%< name %>...<%/ name %>}, whose misuse is a template error.
     * Mustache.java allows only text, comments and {@code <%$ block %>} replacements between the
     * two tags, and throws an IllegalArgumentException naming a Java class for anything else,
     * which storyc would have reported as an internal error; this reports it at the tag.
     */
    static final class Extend extends ExtendCode {
        Extend(TemplateContext tc, DefaultMustacheFactory df, Mustache mustache, String variable) {
            super(tc, df, mustache, variable);
        }

        @Override
        public synchronized void init() {
            try {
                super.init();
            } catch (IllegalArgumentException e) {
                throw new MisusedExtend(name, tc, e);
            }
        }
    }

    /** Thrown when an extended partial holds more than blocks, text and comments. */
    static final class MisusedExtend extends MustacheException {
        private final String partial;

        MisusedExtend(String partial, TemplateContext tc, IllegalArgumentException cause) {
            super("only text, comments and <%$ name %> blocks may stand between <%< " + partial
                    + " %> and <%/ " + partial + " %>", cause, tc);
            this.partial = partial;
        }

        /** Returns the name of the extended partial, whose tag the diagnostic points at. */
        String partial() {
            return partial;
        }
    }

    /**
     * Thrown for a value tag whose name spans lines or holds a space: {@code <% name} left
     * unclosed, whose name then ran on to the next tag's {@code %>}, or {@code <% name %%>}. Such a
     * tag was reported as an undefined name made of the rest of the file (round 18).
     */
    static final class BrokenTag extends MustacheException {
        private final String name;

        BrokenTag(String name, TemplateContext tc) {
            super(name.indexOf('\n') >= 0 ? "a tag is not closed on its line"
                    : "`" + name.strip() + "` is not a name: a tag holds one name, such as <% env.warehouse.schema %>", tc);
            this.name = name;
        }

        /** Returns the first line of what the tag held, to find the tag by. */
        String firstLine() {
            String text = name.stripLeading();
            int newline = text.indexOf('\n');
            return (newline < 0 ? text : text.substring(0, newline)).stripTrailing();
        }
    }
}
