package dev.storyc.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.SpecMustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.PartialCode;
import com.github.mustachejava.util.IndentWriter;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * The visitor that turns a parsed template into storyc's codes: strict values and sections ({@link
 * StrictCodes}), extended partials whose misuse is a template error, and partials in storyc's
 * delimiters, indented as their tag.
 *
 * <p>It also hands each run of text between two tags to Mustache.java's visitor at once. The parser
 * writes a template's text one line at a time, and the stock visitor appends each line to the
 * code before it by concatenating strings, so a run of n lines costs n copies of a growing text:
 * that was two fifths of compiling a story's templates. Here the lines of a run wait in a builder
 * and reach the stock {@code write} as one text, with the first line's context, just before
 * anything else is visited; the code list comes out as it would line by line, since appending the
 * lines one after another and appending their concatenation give the same text.
 *
 * <p>Every other method of {@link com.github.mustachejava.MustacheVisitor} must write the waiting
 * text first: a method left out would put text after the code that should follow it.
 * StrictMustacheVisitorTest checks that each is overridden, so a Mustache.java upgrade that adds one
 * fails a test rather than reorders a template.
 */
final class StrictMustacheVisitor extends SpecMustacheVisitor {
    /** False only in the test that compares the two ways: every line written as it comes. */
    private final boolean coalesce;

    private StringBuilder waiting;
    private TemplateContext waitingContext;

    StrictMustacheVisitor(DefaultMustacheFactory factory, boolean coalesce) {
        super(factory);
        this.coalesce = coalesce;
    }

    @Override
    public void write(TemplateContext tc, String text) {
        if (!coalesce) {
            super.write(tc, text);
            return;
        }
        // The stock write ignores an empty text, context and all; so does the wait.
        if (text.isEmpty()) {
            return;
        }
        if (waiting == null) {
            waiting = new StringBuilder(text);
            waitingContext = tc;
        } else {
            waiting.append(text);
        }
    }

    /** Hands the waiting run of text, if any, to the stock visitor. */
    private void flush() {
        if (waiting != null) {
            String text = waiting.toString();
            TemplateContext tc = waitingContext;
            waiting = null;
            waitingContext = null;
            super.write(tc, text);
        }
    }

    @Override
    public Mustache mustache(TemplateContext tc) {
        flush();
        return super.mustache(tc);
    }

    @Override
    public void iterable(TemplateContext tc, String variable, Mustache mustache) {
        flush();
        list.add(new StrictCodes.Section(tc, df, mustache, variable));
    }

    @Override
    public void notIterable(TemplateContext tc, String variable, Mustache mustache) {
        flush();
        list.add(new StrictCodes.InvertedSection(tc, df, mustache, variable));
    }

    @Override
    public void partial(TemplateContext tc, String variable, String indent) {
        flush();
        // Stock Mustache.java resets partials to {{ }}; storyc partials use <% %> like everything else.
        TemplateContext partialContext = new TemplateContext(StrictMustacheFactory.START,
                StrictMustacheFactory.END, tc.file(), tc.line(), tc.startOfLine());
        Optional<PartialTrace> traced = PartialTrace.of(variable);
        list.add(new IndentedPartial(partialContext, df, traced.map(PartialTrace::name).orElse(variable), indent,
                traced));
    }

    @Override
    public void dynamicPartial(TemplateContext tc, String variable, String indent) {
        flush();
        super.dynamicPartial(tc, variable, indent);
    }

    @Override
    public void value(TemplateContext tc, String variable, boolean encoded) {
        flush();
        if (variable.indexOf('\n') >= 0 || variable.strip().chars().anyMatch(Character::isWhitespace)) {
            throw new StrictCodes.BrokenTag(variable, tc);
        }
        list.add(new StrictCodes.Value(tc, df, variable));
    }

    @Override
    public void pragma(TemplateContext tc, String pragma, String args) {
        flush();
        super.pragma(tc, pragma, args);
    }

    @Override
    public void eof(TemplateContext tc) {
        flush();
        super.eof(tc);
    }

    @Override
    public void extend(TemplateContext tc, String variable, Mustache mustache) {
        flush();
        list.add(new StrictCodes.Extend(tc, df, mustache, variable));
    }

    @Override
    public void name(TemplateContext tc, String variable, Mustache mustache) {
        flush();
        super.name(tc, variable, mustache);
    }

    @Override
    public void checkName(TemplateContext tc, String variable, Mustache mustache) {
        flush();
        super.checkName(tc, variable, mustache);
    }

    @Override
    public void comment(TemplateContext tc, String comment) {
        flush();
        super.comment(tc, comment);
    }

    /** A partial whose every line is indented like the tag that includes it. */
    private static final class IndentedPartial extends PartialCode {
        private final String indent;
        /** Set in a template marked for a trace: the partial marks where its text starts and ends. */
        private final Optional<PartialTrace> traced;

        IndentedPartial(TemplateContext tc, DefaultMustacheFactory df, String variable, String indent,
                Optional<PartialTrace> traced) {
            super(tc, df, variable);
            this.indent = indent;
            this.traced = traced;
        }

        @Override
        protected Writer executePartial(Writer writer, List<Object> scopes) {
            Runnable write = () -> partial.execute(new IndentWriter(writer, indent), scopes);
            traced.ifPresentOrElse(trace -> trace.write(writer, write), write);
            return writer;
        }
    }
}
