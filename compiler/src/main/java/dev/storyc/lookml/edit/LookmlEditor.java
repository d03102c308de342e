package dev.storyc.lookml.edit;

import dev.storyc.lookml.syntax.Block;
import dev.storyc.lookml.syntax.CodeBlock;
import dev.storyc.lookml.syntax.Container;
import dev.storyc.lookml.syntax.Document;
import dev.storyc.lookml.syntax.Element;
import dev.storyc.lookml.syntax.Item;
import dev.storyc.lookml.syntax.ListNode;
import dev.storyc.lookml.syntax.LookmlParser;
import dev.storyc.lookml.syntax.Pair;
import dev.storyc.lookml.syntax.ParsedFile;
import dev.storyc.lookml.syntax.SyntaxTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A LookmlEditor makes minimal-diff edits to a LookML file: it records replacements of exact
 * source ranges found through the syntax tree and applies them at once. Bytes outside the edited
 * ranges stay untouched, so comments, spacing and order survive; new lines copy the indentation
 * and line breaks of their neighbours.
 *
 * <p>Nodes passed in must come from the tree the editor was made with; ranges of one editor must
 * not overlap.
 */
public final class LookmlEditor {
    private final SyntaxTree tree;
    private final String src;
    private final List<TextEdit> edits = new ArrayList<>();

    private LookmlEditor(SyntaxTree tree) {
        this.tree = tree;
        this.src = tree.source();
    }

    /** Returns an editor over a tree. */
    public static LookmlEditor of(SyntaxTree tree) {
        return new LookmlEditor(tree);
    }

    /** Returns the block with the given key and name directly inside a container. */
    public static Optional<Block> find(Container container, String key, String name) {
        return container.blocks(key).stream().filter(b -> b.name().orElse("").equals(name)).findFirst();
    }

    /** Returns a LookML quoted string for text, escaping {@code "} and {@code \}. */
    public static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Replaces a pair's value token, quotes included, with {@code rawValue} as written. */
    public LookmlEditor setValue(Pair pair, String rawValue) {
        return replace(pair.valueStart(), pair.valueEnd(), pair.isMissing() ? " " + rawValue : rawValue);
    }

    /**
     * Replaces the code of a code block, keeping the whitespace between the colon, the code and
     * the {@code ;;}.
     */
    public LookmlEditor setCode(CodeBlock code, String text) {
        int start = code.codeStart();
        int end = code.codeEnd();
        while (start < end && Character.isWhitespace(src.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(src.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return replace(code.codeStart(), code.codeEnd(), " " + text + " ");
        }
        return replace(start, end, text);
    }

    /**
     * Sets {@code key: rawValue} in a container: replaces the value of the first pair with the key,
     * or adds the pair when there is none.
     */
    public LookmlEditor set(Container container, String key, String rawValue) {
        for (Item item : container.items(key)) {
            if (item instanceof Pair pair) {
                return setValue(pair, rawValue);
            }
        }
        return add(container, key + ": " + rawValue);
    }

    /** Renames a block; a refinement keeps its {@code +}. */
    public LookmlEditor rename(Block block, String newName) {
        int start = block.nameStart();
        if (start < 0) {
            throw new IllegalArgumentException("block `" + block.key() + "` has no name");
        }
        if (block.isRefinement() && !newName.startsWith("+")) {
            start++;
        }
        return replace(start, block.nameEnd(), newName);
    }

    /**
     * Adds an item, written as LookML text such as {@code "hidden: yes"} or a whole block, at the
     * end of a block or of the document. It goes on a line of its own, indented like the block's
     * last item, unless the block is written on one line.
     */
    public LookmlEditor add(Container container, String itemText) {
        String nl = newline();
        List<Item> items = container.items();
        if (container instanceof Document) {
            String before = src.isEmpty() || src.endsWith("\n") ? "" : nl;
            String blank = items.isEmpty() || !(items.get(items.size() - 1) instanceof Block) ? "" : nl;
            return replace(src.length(), src.length(), before + blank + indentLines(itemText, "", nl) + nl);
        }
        Block block = (Block) container;
        int close = block.closeBrace();
        if (close < 0) {
            throw new IllegalArgumentException("block `" + block.key() + "` is never closed");
        }
        int anchor = items.isEmpty() ? block.openBrace() + 1 : items.get(items.size() - 1).end();
        int lineEnd = lineEnd(anchor);
        if (lineEnd < close) {
            String indent = items.isEmpty() ? indentOf(block.start()) + "  " : indentOf(items.get(items.size() - 1).start());
            return replace(lineEnd, lineEnd, nl + indent + indentLines(itemText, indent, nl));
        }
        boolean spaced = close > 0 && src.charAt(close - 1) == ' ';
        return replace(close, close, (spaced ? "" : " ") + itemText + " ");
    }

    /** Adds an element, written as LookML text, at the end of a list. */
    public LookmlEditor addElement(ListNode list, String elementText) {
        List<Element> elements = list.elements();
        if (elements.isEmpty()) {
            return replace(list.openBracket() + 1, list.openBracket() + 1, elementText);
        }
        int end = elements.get(elements.size() - 1).end();
        return replace(end, end, ", " + elementText);
    }

    /**
     * Removes an item. When it stands on lines of its own, those lines go with it, its trailing
     * comment included; otherwise only the item and the spaces after it go.
     */
    public LookmlEditor remove(Item item) {
        int start = item.start();
        int lineStart = lineStart(start);
        int afterItem = skipSpaces(item.end());
        boolean ownLines = src.substring(lineStart, start).isBlank()
                && (afterItem >= src.length() || src.charAt(afterItem) == '\n' || src.charAt(afterItem) == '\r'
                        || src.charAt(afterItem) == '#');
        if (ownLines) {
            int nl = src.indexOf('\n', item.end());
            return replace(lineStart, nl < 0 ? src.length() : nl + 1, "");
        }
        return replace(start, afterItem, "");
    }

    /** Removes an element of a list, with the comma that separates it from its neighbour. */
    public LookmlEditor removeElement(ListNode list, Element element) {
        List<Element> elements = list.elements();
        int i = elements.indexOf(element);
        if (i < 0) {
            throw new IllegalArgumentException("element is not in the list");
        }
        if (elements.size() == 1) {
            return replace(element.start(), element.end(), "");
        }
        if (i + 1 < elements.size()) {
            return replace(element.start(), elements.get(i + 1).start(), "");
        }
        return replace(elements.get(i - 1).end(), element.end(), "");
    }

    /** Records a raw replacement of {@code [start, end)}. */
    public LookmlEditor replace(int start, int end, String text) {
        if (end > src.length()) {
            throw new IllegalArgumentException("range past the end of the file");
        }
        edits.add(new TextEdit(start, end, text));
        return this;
    }

    /** Returns the edits recorded so far, in source order. */
    public List<TextEdit> edits() {
        return edits.stream().sorted(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end)).toList();
    }

    /** Returns the edited text. */
    public String apply() {
        StringBuilder out = new StringBuilder(src.length() + 64);
        int at = 0;
        for (TextEdit edit : edits()) {
            if (edit.start() < at) {
                throw new IllegalStateException("overlapping edits at offset " + edit.start());
            }
            out.append(src, at, edit.start()).append(edit.replacement());
            at = edit.end();
        }
        return out.append(src, at, src.length()).toString();
    }

    /** Returns the edited text, parsed again. */
    public ParsedFile applyAndParse() {
        return LookmlParser.parse(tree.path(), apply());
    }

    private String newline() {
        int nl = src.indexOf('\n');
        return nl > 0 && src.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }

    private String indentLines(String text, String indent, String nl) {
        return text.replace("\r\n", "\n").replace("\n", nl + indent);
    }

    private int lineStart(int offset) {
        return src.lastIndexOf('\n', offset - 1) + 1;
    }

    /** Returns the offset of the line break ending the line of {@code offset}, before any {@code \r}. */
    private int lineEnd(int offset) {
        int nl = src.indexOf('\n', offset);
        if (nl < 0) {
            return src.length();
        }
        return nl > offset && src.charAt(nl - 1) == '\r' ? nl - 1 : nl;
    }

    private String indentOf(int offset) {
        int start = lineStart(offset);
        int i = start;
        while (i < offset && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
            i++;
        }
        return src.substring(start, i);
    }

    private int skipSpaces(int offset) {
        int i = offset;
        while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
