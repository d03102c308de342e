package dev.storyc.lookml.syntax;

import dev.storyc.diag.Position;

/** An Item is a {@code key: ...} entry of a container: a block, a pair, a code block or a list. */
public sealed interface Item extends Node permits Block, Pair, CodeBlock, ListNode {

    /** Returns the key, such as {@code dimension} or {@code sql_on}. */
    default String key() {
        return tree().text(start(), keyEnd());
    }

    /** Returns the offset just past the key. */
    default int keyEnd() {
        return tree().get(index(), SyntaxTree.KEY_END);
    }

    /** Returns the offset of the {@code :} after the key. */
    default int colon() {
        return tree().get(index(), SyntaxTree.COLON);
    }

    /** Returns the position of the key, which is the item's position. */
    default Position keyPosition() {
        return position();
    }
}
