package dev.storyc.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * A Diagnostics collects the problems a stage finds. It is the one mutable piece a stage owns while
 * it runs; what leaves the stage is the sorted, unmodifiable {@link #all()} list.
 */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void addAll(Iterable<Diagnostic> more) {
        more.forEach(items::add);
    }

    /** Reports an error with no hint. */
    public void error(Code code, Position position, String message) {
        add(Diagnostic.error(code, position, message));
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public int size() {
        return items.size();
    }

    /**
     * Removes the diagnostics added since {@link #size()} was {@code size} that {@code drop}
     * matches: those another finding may explain, such as a field an environment lacks because its
     * broken {@code extends} gave it nothing.
     */
    public void dropSince(int size, java.util.function.Predicate<Diagnostic> drop) {
        items.subList(size, items.size()).removeIf(drop);
    }

    /**
     * Returns every diagnostic so far, in print order, each once: a stage that walks one text for
     * several environments (a template, a base every environment extends) finds its problem once
     * per environment, and the same problem said seven times is noise.
     */
    public List<Diagnostic> all() {
        return items.stream().distinct().sorted(Diagnostic.ORDER).toList();
    }
}
