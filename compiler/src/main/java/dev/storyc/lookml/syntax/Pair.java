package dev.storyc.lookml.syntax;

import dev.storyc.diag.Position;

/** A Pair is {@code key: value}, where the value is a bare literal or a quoted string. */
public record Pair(SyntaxTree tree, int index) implements Item {

    /** Returns the value as written, with the quotes of a quoted string. */
    public String rawValue() {
        return tree.text(valueStart(), valueEnd());
    }

    /**
     * Returns the value: a literal as written, a quoted string without its quotes and with its
     * escapes left as written, the way {@code lkml} reports it.
     */
    public String value() {
        return Scalars.value(tree, valueStart(), valueEnd(), isQuoted(), isClosed());
    }

    /** Returns the value with the escapes {@code \"} and {@code \\} resolved. */
    public String unescapedValue() {
        return isQuoted() ? Scalars.unescape(value()) : value();
    }

    public boolean isQuoted() {
        return tree.has(index, SyntaxTree.QUOTED);
    }

    /** Returns false for a quoted string the file never closes. */
    public boolean isClosed() {
        return !isQuoted() || tree.has(index, SyntaxTree.CLOSED);
    }

    /** Returns true when the value is missing, a syntax error. */
    public boolean isMissing() {
        return tree.has(index, SyntaxTree.MISSING);
    }

    public int valueStart() {
        return tree.get(index, SyntaxTree.VALUE_START);
    }

    public int valueEnd() {
        return tree.get(index, SyntaxTree.VALUE_END);
    }

    public Position valuePosition() {
        return tree.position(valueStart());
    }
}
