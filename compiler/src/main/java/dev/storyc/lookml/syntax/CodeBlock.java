package dev.storyc.lookml.syntax;

import dev.storyc.diag.Position;

/**
 * A CodeBlock is {@code key: raw text ;;}, for keys that begin with {@code sql}, {@code html} or
 * {@code expr}. The text may hold anything but {@code ;;}: SQL, Liquid, {@code ${ref}} and
 * {@code @{CONST}}.
 */
public record CodeBlock(SyntaxTree tree, int index) implements Item {

    /** Returns the text between the colon and the {@code ;;}, whitespace included. */
    public String rawCode() {
        return tree.text(codeStart(), codeEnd());
    }

    /** Returns the code without the whitespace around it, as {@code lkml} reports it. */
    public String code() {
        return rawCode().strip();
    }

    /** Returns the offset of the first character after the colon. */
    public int codeStart() {
        return tree.get(index, SyntaxTree.VALUE_START);
    }

    /** Returns the offset of the {@code ;;}, or of the end of the file when it is missing. */
    public int codeEnd() {
        return tree.get(index, SyntaxTree.VALUE_END);
    }

    /** Returns the position of the first non-blank character of the code. */
    public Position codePosition() {
        int i = codeStart();
        String source = tree.source();
        while (i < codeEnd() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        return tree.position(i);
    }

    public boolean isClosed() {
        return tree.has(index, SyntaxTree.CLOSED);
    }
}
