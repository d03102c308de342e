package dev.storyc.render;

import java.io.Writer;

/**
 * A string writer that refuses to grow beyond a limit, so that a template whose partials or
 * sections multiply (each including the next twice) ends in a diagnostic instead of exhausting
 * memory. Mustache.java may wrap what a writer throws, so callers test with {@link #isOverflow}.
 */
final class BoundedWriter extends Writer {
    private final StringBuilder text;
    private final int limit;

    /** Thrown when the limit is reached; without a stack trace, since it is an expected outcome. */
    static final class Overflow extends RuntimeException {
        Overflow() {
            super("rendered text exceeds its limit", null, false, false);
        }
    }

    BoundedWriter(int initialCapacity, int limit) {
        this.text = new StringBuilder(Math.min(initialCapacity, limit));
        this.limit = limit;
    }

    /** Returns true when {@code e} or one of its causes is an {@link Overflow}. */
    static boolean isOverflow(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Overflow) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        if (text.length() + (long) length > limit) {
            throw new Overflow();
        }
        text.append(buffer, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
        if (text.length() + (long) length > limit) {
            throw new Overflow();
        }
        text.append(string, offset, offset + length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
        return text.toString();
    }
}
