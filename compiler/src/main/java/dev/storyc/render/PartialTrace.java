package dev.storyc.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Optional;

/**
 * How the partials a template includes mark their text while {@link TemplateRenderer#trace}
 * renders, so that {@link LineOrigins} gives each line of a partial's text to its own tag. Without
 * this, the lines of several partial tags in a row carried no marker at all, and all went to the
 * first tag (round 18).
 *
 * <p>The marked template carries each standalone partial tag's line inside the tag, after the
 * partial's name ({@code <%> lkml/e2\u0001p13p %>}: the trace's opening marker, then the line
 * between two {@code p}, since Mustache.java trims the name and with it a closing marker, a control
 * character, at its end): the line stays a standalone tag, and Mustache.java's own line count,
 * which standalone tags leave behind, is not needed. The compiled tag strips it from the name and
 * writes a start marker with the line before the partial's text and an end marker after it. A
 * partial inside a partial is never marked: its lines belong to the outer tag, the one the template
 * holds.
 *
 * @param name the partial's name
 * @param line the line of its tag in the template
 * @param markers the trace's markers
 */
record PartialTrace(String name, int line, LineOrigins.Markers markers) {
    /** Returns a standalone partial tag line with its line carried after the partial's name. */
    static String tagged(String tagLine, int line, LineOrigins.Markers markers) {
        int close = tagLine.lastIndexOf(StrictMustacheFactory.END);
        int nameEnd = close;
        while (nameEnd > 0 && Character.isWhitespace(tagLine.charAt(nameEnd - 1))) {
            nameEnd--;
        }
        return tagLine.substring(0, nameEnd) + markers.open() + LineOrigins.PARTIAL_START + line
                + LineOrigins.PARTIAL_START + tagLine.substring(nameEnd);
    }

    /** Returns the traced partial a tag's name holds, if it was written by {@link #tagged}. */
    static Optional<PartialTrace> of(String variable) {
        int end = variable.length() - 1;
        if (end < 3 || variable.charAt(end) != LineOrigins.PARTIAL_START) {
            return Optional.empty();
        }
        int digits = end;
        while (digits > 0 && Character.isDigit(variable.charAt(digits - 1))) {
            digits--;
        }
        int start = digits - 1;
        if (digits == end || start < 1 || variable.charAt(start) != LineOrigins.PARTIAL_START) {
            return Optional.empty();
        }
        String name = variable.substring(0, start - 1);
        int line = Integer.parseInt(variable.substring(digits, end));
        return LineOrigins.Markers.startingWith(variable.charAt(start - 1))
                .map(markers -> new PartialTrace(name, line, markers));
    }

    /** Writes the partial's text between a start marker naming its tag's line and an end marker. */
    void write(Writer writer, Runnable partial) {
        try {
            writer.write("" + markers.open() + LineOrigins.PARTIAL_START + line + markers.close());
            partial.run();
            writer.write("" + markers.open() + LineOrigins.PARTIAL_END + markers.close());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
