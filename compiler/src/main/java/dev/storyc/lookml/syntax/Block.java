package dev.storyc.lookml.syntax;

import dev.storyc.diag.Position;
import java.util.Optional;

/**
 * A Block is {@code key: name { items }}. The name is absent for anonymous blocks such as
 * {@code derived_table: {...}} and starts with {@code +} for refinements such as {@code view: +orders}.
 */
public record Block(SyntaxTree tree, int index) implements Item, Container {

    /** Returns the name, with the leading {@code +} of a refinement. */
    public Optional<String> name() {
        int start = nameStart();
        return start < 0 ? Optional.empty() : Optional.of(tree.text(start, nameEnd(tree, start)));
    }

    /** Returns the offset of the name, or -1 when the block is anonymous. */
    public int nameStart() {
        return tree.get(index, SyntaxTree.VALUE_START);
    }

    /** Returns the offset just past the name, or -1 when the block is anonymous. */
    public int nameEnd() {
        int start = nameStart();
        return start < 0 ? -1 : nameEnd(tree, start);
    }

    /** Returns the position of the name, or of the key when the block is anonymous. */
    public Position namePosition() {
        int start = nameStart();
        return start < 0 ? position() : tree.position(start);
    }

    /** Returns true for a refinement, {@code view: +name {...}}. */
    public boolean isRefinement() {
        int start = nameStart();
        return start >= 0 && tree.source().charAt(start) == '+';
    }

    /** Returns the offset of the opening brace. */
    public int openBrace() {
        return tree.get(index, SyntaxTree.VALUE_END);
    }

    /** Returns the offset of the closing brace, or -1 when the block is never closed. */
    public int closeBrace() {
        return isClosed() ? end() - 1 : -1;
    }

    public boolean isClosed() {
        return tree.has(index, SyntaxTree.CLOSED);
    }

    static int nameEnd(SyntaxTree tree, int start) {
        String source = tree.source();
        int i = start;
        while (i < source.length() && Chars.isLiteral(source.charAt(i))) {
            i++;
        }
        return i;
    }
}
