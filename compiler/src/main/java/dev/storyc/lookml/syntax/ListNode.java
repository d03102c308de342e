package dev.storyc.lookml.syntax;

import java.util.ArrayList;
import java.util.List;

/** A ListNode is {@code key: [elements]}; commas and comments between elements are trivia. */
public record ListNode(SyntaxTree tree, int index) implements Item {

    /** Returns the elements in source order. */
    public List<Element> elements() {
        List<Element> elements = new ArrayList<>();
        int next = tree.get(index, SyntaxTree.NEXT);
        for (int i = index + 1; i < next; i++) {
            elements.add(new Element(tree, i));
        }
        return elements;
    }

    /** Returns the values of the elements that are not pairs, unquoted. */
    public List<String> values() {
        return elements().stream().filter(e -> !e.isPair()).map(Element::value).toList();
    }

    /** Returns the offset of the opening bracket. */
    public int openBracket() {
        return tree.get(index, SyntaxTree.VALUE_START);
    }

    /** Returns the offset of the closing bracket, or -1 when the list is never closed. */
    public int closeBracket() {
        return isClosed() ? end() - 1 : -1;
    }

    public boolean isClosed() {
        return tree.has(index, SyntaxTree.CLOSED);
    }
}
