package dev.storyc.lookml.syntax;

import dev.storyc.diag.Position;

/** A Valued node carries one scalar value token: a pair, or a list element. */
public sealed interface Valued extends Node permits Pair, Element {

    /**
     * Returns the value: a literal as written, a quoted string without its quotes and with its
     * escapes left as written, the way {@code lkml} reports it.
     */
    default String value() {
        return Scalars.value(tree(), valueStart(), valueEnd(), isQuoted(), isClosed());
    }

    /** Returns the value with the escapes {@code \"} and {@code \\} resolved. */
    default String unescapedValue() {
        return isQuoted() ? Scalars.unescape(value()) : value();
    }

    /** Returns the value as written, with the quotes of a quoted string. */
    default String rawValue() {
        return tree().text(valueStart(), valueEnd());
    }

    default boolean isQuoted() {
        return tree().has(index(), SyntaxTree.QUOTED);
    }

    /** Returns false for a quoted string the file never closes. */
    default boolean isClosed() {
        return !isQuoted() || tree().has(index(), SyntaxTree.CLOSED);
    }

    /** Returns true when the value is missing, a syntax error. */
    default boolean isMissing() {
        return tree().has(index(), SyntaxTree.MISSING);
    }

    default int valueStart() {
        return tree().get(index(), SyntaxTree.VALUE_START);
    }

    default int valueEnd() {
        return tree().get(index(), SyntaxTree.VALUE_END);
    }

    default Position valuePosition() {
        return tree().position(valueStart());
    }
}
