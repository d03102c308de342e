package dev.storyc.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * LineOrigins says which template line produced each line of a rendered file. Rendered line N is
 * not template line N once sections drop lines or partials add them, and a diagnostic about
 * rendered text must point at the line a user can edit.
 *
 * <p>It is found by rendering the template once more with a marker at the end of every line that
 * writes text: each rendered line carries the marker of its template line. Lines without one come
 * from a partial (they belong to the partial's tag line, which the partial marks as it writes its
 * text: {@link PartialTrace}) or from a value that spans lines (they belong to the next marked
 * line). Markers are added only to lines that are not standalone tags,
 * so the marked render has the same lines as the real one; {@link #trace} checks that it does.
 */
public final class LineOrigins {
    /**
     * The characters that open and close a marker. A template or a value may hold any character,
     * U+0001 included, so each trace takes the first pair that neither the template nor the real
     * render holds ({@link #unusedIn}): a marker is then never confused with the user's text.
     */
    record Markers(char open, char close) {
        /** The pairs tried in turn: control characters first, then private-use ones. */
        private static final String CANDIDATES = "\u0001\u0002\u0003\u0004\ue000\ue001\ue002\ue003";

        /** Returns the first pair that none of {@code texts} holds, if any. */
        static Optional<Markers> unusedIn(String... texts) {
            for (int i = 0; i + 1 < CANDIDATES.length(); i += 2) {
                Markers markers = new Markers(CANDIDATES.charAt(i), CANDIDATES.charAt(i + 1));
                if (Arrays.stream(texts).noneMatch(markers::usedIn)) {
                    return Optional.of(markers);
                }
            }
            return Optional.empty();
        }

        /** Returns the pair a trace may use that opens with {@code open}, if there is one. */
        static Optional<Markers> startingWith(char open) {
            for (int i = 0; i + 1 < CANDIDATES.length(); i += 2) {
                if (CANDIDATES.charAt(i) == open) {
                    return Optional.of(new Markers(open, CANDIDATES.charAt(i + 1)));
                }
            }
            return Optional.empty();
        }

        private boolean usedIn(String text) {
            return text.indexOf(open) >= 0 || text.indexOf(close) >= 0;
        }
    }

    /** Opens the marker a partial the template includes writes before its text: the tag's line follows. */
    static final char PARTIAL_START = 'p';
    /** The marker a partial the template includes writes after its text. */
    static final char PARTIAL_END = 'e';

    private final int[] templateLines;

    private LineOrigins(int[] templateLines) {
        this.templateLines = templateLines;
    }

    /** Returns the identity: rendered line N comes from template line N. */
    public static LineOrigins identity() {
        return new LineOrigins(new int[0]);
    }

    /** Returns the 1-based template line that produced a 1-based rendered line. */
    public int templateLine(int renderedLine) {
        if (renderedLine < 1 || renderedLine > templateLines.length) {
            return renderedLine;
        }
        return templateLines[renderedLine - 1];
    }

    /** Returns the template's text with a marker before the end of every line that writes text. */
    static String annotate(String template, Markers markers) {
        StringBuilder out = new StringBuilder(template.length() + template.length() / 8);
        boolean insideTag = false;
        int line = 1;
        int start = 0;
        while (start <= template.length()) {
            int newline = template.indexOf('\n', start);
            int end = newline < 0 ? template.length() : newline;
            int contentEnd = end > start && template.charAt(end - 1) == '\r' ? end - 1 : end;
            String text = template.substring(start, contentEnd);
            boolean openAtStart = insideTag;
            insideTag = endsInsideTag(text, insideTag);
            out.append(!openAtStart && isPartialTag(text) ? PartialTrace.tagged(text, line, markers) : text);
            if (!openAtStart && !insideTag && !isStandaloneTag(text) && !(newline < 0 && text.isEmpty())) {
                out.append(markers.open()).append(line).append(markers.close());
            }
            out.append(template, contentEnd, end);
            if (newline < 0) {
                break;
            }
            out.append('\n');
            start = newline + 1;
            line++;
        }
        return out.toString();
    }

    /**
     * Reads the markers out of a marked render. Returns the origins and the render without markers,
     * which callers compare with the real render.
     */
    static Traced read(String marked, String template, Markers markers) {
        TreeSet<Integer> partialLines = partialTagLines(template);
        StringBuilder text = new StringBuilder(marked.length());
        List<Integer> origins = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        int previous = 0;
        int lineStart = 0;
        int marker = -1;
        // The tag line of the partial whose text is being read, and of the one the line belongs to.
        int partial = -1;
        int lineOwner = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == markers.open()) {
                int close = marked.indexOf(markers.close(), i);
                String body = marked.substring(i + 1, close);
                if (body.charAt(0) == PARTIAL_START) {
                    partial = Integer.parseInt(body.substring(1));
                    lineOwner = partial;
                } else if (body.charAt(0) == PARTIAL_END) {
                    partial = -1;
                } else {
                    marker = Integer.parseInt(body);
                }
                i = close;
                continue;
            }
            text.append(c);
            if (c == '\n') {
                previous = settle(origins, pending, marker >= 0 ? marker : lineOwner, previous, partialLines);
                marker = -1;
                lineOwner = partial;
                lineStart = text.length();
            }
        }
        if (text.length() > lineStart || marker >= 0) {
            previous = settle(origins, pending, marker >= 0 ? marker : lineOwner, previous, partialLines);
        }
        Integer tail = partialLines.higher(previous);
        int last = tail != null ? tail : Math.max(previous, 1);
        pending.forEach(index -> origins.set(index, last));
        return new Traced(new LineOrigins(origins.stream().mapToInt(Integer::intValue).toArray()), text.toString());
    }

    /** Records one rendered line; unmarked lines wait for the next marker to say where they came from. */
    private static int settle(List<Integer> origins, List<Integer> pending, int marker, int previous,
            TreeSet<Integer> partialLines) {
        origins.add(marker);
        if (marker < 0) {
            pending.add(origins.size() - 1);
            return previous;
        }
        if (!pending.isEmpty()) {
            Integer partial = marker > previous ? partialLines.higher(previous) : null;
            int owner = partial != null && partial < marker ? partial : marker;
            pending.forEach(index -> origins.set(index, owner));
            pending.clear();
        }
        return marker;
    }

    /** The result of reading a marked render. */
    record Traced(LineOrigins origins, String text) {}

    /** Returns the lines that hold only a partial tag, whose output lines carry no marker. */
    private static TreeSet<Integer> partialTagLines(String template) {
        TreeSet<Integer> lines = new TreeSet<>();
        String[] all = template.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            String text = all[i].strip();
            if (isPartialTag(text)) {
                lines.add(i + 1);
            }
        }
        return lines;
    }

    /** Returns true for a line that holds one partial tag and only whitespace. */
    private static boolean isPartialTag(String line) {
        return isStandaloneTag(line) && line.strip().substring(2).strip().startsWith(">");
    }

    /** Returns true for a line that holds one section, partial or comment tag and only whitespace. */
    private static boolean isStandaloneTag(String line) {
        String text = line.strip();
        if (!text.startsWith(StrictMustacheFactory.START) || !text.endsWith(StrictMustacheFactory.END)) {
            return false;
        }
        // Searched from after the opening delimiter: a partial tag opens with `<%>`, which holds `%>`.
        if (text.indexOf(StrictMustacheFactory.END, 2) != text.length() - StrictMustacheFactory.END.length()) {
            return false;
        }
        String inner = text.substring(2).strip();
        return !inner.isEmpty() && "#^/>!=".indexOf(inner.charAt(0)) >= 0;
    }

    private static boolean endsInsideTag(String line, boolean inside) {
        int at = 0;
        while (at < line.length()) {
            int next = line.indexOf(inside ? StrictMustacheFactory.END : StrictMustacheFactory.START, at);
            if (next < 0) {
                break;
            }
            inside = !inside;
            at = next + 2;
        }
        return inside;
    }

    @Override
    public String toString() {
        return Arrays.toString(templateLines);
    }
}
