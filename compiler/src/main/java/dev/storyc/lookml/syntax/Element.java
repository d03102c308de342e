package dev.storyc.lookml.syntax;

import dev.storyc.diag.Position;
import java.util.Optional;

/** An Element is one element of a list: a value, or a pair such as {@code status: "-NULL"}. */
public record Element(SyntaxTree tree, int index) implements Node {

    public boolean isPair() {
        return tree.get(index, SyntaxTree.KEY_END) >= 0;
    }

    /** Returns the key of a pair element, unquoted. */
    public Optional<String> key() {
        int keyEnd = tree.get(index, SyntaxTree.KEY_END);
        if (keyEnd < 0) {
            return Optional.empty();
        }
        boolean quoted = tree.has(index, SyntaxTree.KEY_QUOTED);
        return Optional.of(Scalars.value(tree, start(), keyEnd, quoted, true));
    }

    /** Returns the value, unquoted, with escapes left as written. */
    public String value() {
        return Scalars.value(tree, valueStart(), valueEnd(), isQuoted(), isClosed());
    }

    /** Returns the value as written, with its quotes. */
    public String rawValue() {
        return tree.text(valueStart(), valueEnd());
    }

    public boolean isQuoted() {
        return tree.has(index, SyntaxTree.QUOTED);
    }

    /** Returns false for a quoted string the file never closes. */
    public boolean isClosed() {
        return !isQuoted() || tree.has(index, SyntaxTree.CLOSED);
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
