package dev.storyc.phi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replacements of spans of a text, applied at once. A span inside another that is also replaced
 * is dropped (the outer treatment already covers it), and the same span replaced twice counts
 * once, so the result is the same whatever order the edits were found in.
 */
final class SqlEdits {
    /** Replace [start, end) with {@code text}. */
    record Edit(int start, int end, String text) {}

    private final List<Edit> edits = new ArrayList<>();

    void replace(int start, int end, String text) {
        edits.add(new Edit(start, end, text));
    }

    boolean isEmpty() {
        return edits.isEmpty();
    }

    /** Returns the edits that apply: outermost first in text order, nested and repeated dropped. */
    List<Edit> effective() {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start)
                .thenComparing(Comparator.comparingInt(Edit::end).reversed()));
        List<Edit> kept = new ArrayList<>();
        int coveredTo = -1;
        for (Edit edit : sorted) {
            if (edit.start() < coveredTo) {
                continue;
            }
            kept.add(edit);
            coveredTo = edit.end();
        }
        return kept;
    }

    /** Returns {@code text} with every effective edit applied. */
    String apply(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64 * edits.size());
        int at = 0;
        for (Edit edit : effective()) {
            out.append(text, at, edit.start()).append(edit.text());
            at = edit.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
