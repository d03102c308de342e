package dev.storyc.lookml.syntax;

import java.util.Optional;

/** An Element is one element of a list: a value, or a pair such as {@code status: "-NULL"}. */
public record Element(SyntaxTree tree, int index) implements Valued {

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
}
