package dev.storyc.lookml.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Container is a node that holds items: the document or a block. */
public sealed interface Container extends Node permits Document, Block {

    /** Returns the items in source order; keys may repeat. */
    default List<Item> items() {
        SyntaxTree tree = tree();
        List<Item> items = new ArrayList<>();
        int next = tree.get(index(), SyntaxTree.NEXT);
        for (int i = index() + 1; i < next; i = tree.get(i, SyntaxTree.NEXT)) {
            items.add((Item) tree.node(i));
        }
        return items;
    }

    /** Returns the items with the given key, in source order. */
    default List<Item> items(String key) {
        return items().stream().filter(item -> item.key().equals(key)).toList();
    }

    /** Returns the first item with the given key. */
    default Optional<Item> first(String key) {
        return items().stream().filter(item -> item.key().equals(key)).findFirst();
    }

    /** Returns the blocks with the given key, such as every {@code dimension}. */
    default List<Block> blocks(String key) {
        return items().stream()
                .filter(item -> item instanceof Block && item.key().equals(key))
                .map(Block.class::cast)
                .toList();
    }
}
