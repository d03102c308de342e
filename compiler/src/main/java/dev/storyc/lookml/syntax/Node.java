package dev.storyc.lookml.syntax;

import dev.storyc.diag.Position;

/**
 * A Node is a view of one node of a {@link SyntaxTree}: a cheap handle (the tree and the node's
 * index) that reads offsets out of the tree on demand.
 */
public sealed interface Node permits Container, Item, Valued {
    SyntaxTree tree();

    int index();

    default NodeKind kind() {
        return tree().kind(index());
    }

    /** Returns the offset of the node's first character. */
    default int start() {
        return tree().get(index(), SyntaxTree.START);
    }

    /** Returns the offset just past the node's last character. */
    default int end() {
        return tree().get(index(), SyntaxTree.END);
    }

    /** Returns the node's source text, without the trivia around it. */
    default String text() {
        return tree().text(start(), end());
    }

    /** Returns where the node starts. */
    default Position position() {
        return tree().position(start());
    }
}
