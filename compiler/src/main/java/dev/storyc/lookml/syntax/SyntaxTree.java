package dev.storyc.lookml.syntax;

import dev.storyc.diag.Position;
import java.util.Objects;

/**
 * A SyntaxTree is the lossless concrete syntax tree of one {@code .lkml} file: the source text plus
 * the structure found in it. Nodes do not copy text; each stores offsets into the source, eight
 * ints per node in one array, in document order. Every character of the source is either part of
 * a node's token (a key, {@code :}, a value, a brace, a bracket, {@code ;;}) or trivia between
 * tokens (whitespace, comments, list commas), so {@link #print()} gives back the input exactly.
 *
 * <p>Node views ({@link Node} and its records) are cheap handles made on demand; keep the tree,
 * not the views, when storing many files.
 */
public final class SyntaxTree {
    static final int STRIDE = 8;
    /** Slot 0: the {@link NodeKind} ordinal in the low byte, flags above it. */
    static final int KIND = 0;
    static final int START = 1;
    static final int END = 2;
    /** End of the key, or -1 for the document and for plain list elements. */
    static final int KEY_END = 3;
    static final int COLON = 4;
    /**
     * Pair and element: value token start. Code: first character after the colon. Block: name
     * start, or -1 when anonymous. List: the {@code [}.
     */
    static final int VALUE_START = 5;
    /** Pair and element: value token end. Code: the {@code ;;}. Block: the {@code {}. List: node end. */
    static final int VALUE_END = 6;
    /** Index of the first node after this node's subtree. */
    static final int NEXT = 7;

    static final int FLAG_SHIFT = 8;
    /** The block has its closing brace, the list its bracket, the code its ;;, the string its quote. */
    static final int CLOSED = 1;
    /** The value is a quoted string. */
    static final int QUOTED = 2;
    /** The value is missing (a syntax error). */
    static final int MISSING = 4;
    /** The key of a list pair is a quoted string. */
    static final int KEY_QUOTED = 8;

    private final String path;
    private final String source;
    private final int[] nodes;
    private LineMap lines;

    SyntaxTree(String path, String source, int[] nodes, LineMap lines) {
        this.path = Objects.requireNonNull(path);
        this.source = Objects.requireNonNull(source);
        this.nodes = nodes;
        this.lines = lines;
    }

    /** Returns the workspace-relative path the tree was parsed from, used in positions. */
    public String path() {
        return path;
    }

    /** Returns the text the tree was parsed from. */
    public String source() {
        return source;
    }

    /** Returns the root node. */
    public Document root() {
        return new Document(this, 0);
    }

    /** Returns the number of nodes, the document included. */
    public int nodeCount() {
        return nodes.length / STRIDE;
    }

    /** Returns the view of node {@code index}. */
    public Node node(int index) {
        return switch (kind(index)) {
            case DOCUMENT -> new Document(this, index);
            case BLOCK -> new Block(this, index);
            case PAIR -> new Pair(this, index);
            case CODE -> new CodeBlock(this, index);
            case LIST -> new ListNode(this, index);
            case ELEMENT -> new Element(this, index);
        };
    }

    /**
     * Returns the text of the tree: its tokens and the trivia between them, in order. For a tree
     * from the parser this is exactly the source, whatever errors it has.
     */
    public String print() {
        StringBuilder out = new StringBuilder(source.length());
        int[] at = {0};
        Tokens.forEach(this, (start, end) -> {
            out.append(source, at[0], start).append(source, start, end);
            at[0] = end;
        });
        return out.append(source, at[0], source.length()).toString();
    }

    /** Returns the position of a character offset. */
    public Position position(int offset) {
        LineMap map = lineMap();
        return Position.of(path, map.line(offset), map.column(offset));
    }

    /** Returns the text of one line, without its line break, for diagnostics that quote it. */
    public String lineText(int line) {
        LineMap map = lineMap();
        int start = map.lineStart(line);
        int end = line < map.lineCount() ? map.lineStart(line + 1) - 1 : source.length();
        if (end > start && source.charAt(end - 1) == '\r') {
            end--;
        }
        return source.substring(start, end);
    }

    /** Returns the approximate number of heap bytes the tree holds beyond its source string. */
    public long structureBytes() {
        return 16L + nodes.length * 4L + (lines == null ? 0 : 16L + lines.lineCount() * 4L);
    }

    LineMap lineMap() {
        if (lines == null) {
            lines = LineMap.of(source);
        }
        return lines;
    }

    NodeKind kind(int node) {
        return KINDS[nodes[node * STRIDE] & 0xff];
    }

    boolean has(int node, int flag) {
        return ((nodes[node * STRIDE] >>> FLAG_SHIFT) & flag) != 0;
    }

    int get(int node, int slot) {
        return nodes[node * STRIDE + slot];
    }

    String text(int start, int end) {
        return source.substring(start, end);
    }

    private static final NodeKind[] KINDS = NodeKind.values();
}
