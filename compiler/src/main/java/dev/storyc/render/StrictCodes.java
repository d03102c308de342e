package dev.storyc.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.TemplateContext;
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
}
