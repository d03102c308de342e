package dev.storyc.lookml.edit;

/** A TextEdit replaces the characters {@code [start, end)} of a source with new text. */
public record TextEdit(int start, int end, String replacement) {
    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
        replacement = replacement == null ? "" : replacement;
    }
}
