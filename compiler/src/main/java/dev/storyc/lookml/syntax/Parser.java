package dev.storyc.lookml.syntax;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hand-written recursive-descent parser over the source string. It writes nodes into one int
 * array (see {@link SyntaxTree} for the layout) and never copies text, which is what makes it fast
 * and small. It never throws on bad input: every problem becomes a diagnostic and the scan moves
 * on by at least one character, so it always terminates.
 */
final class Parser {
    /** Deeper blocks than this are refused, so that hostile input cannot exhaust the stack. */
    static final int MAX_DEPTH = 100;
    /** Past this many problems the rest are noise; stop collecting them. */
    static final int MAX_DIAGNOSTICS = 100;

    private final String path;
    private final String src;
    private final int len;
    private int pos;
    private int[] nodes;
    private int count;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private LineMap lines;
    /** True after a structural error, until an item parses again: silences cascades. */
    private boolean recovering;
    /**
     * True once an unterminated string or code block, or too deep a nesting, has consumed the rest
     * of the file: the blocks and lists left open then are its echo, not problems of their own.
     */
    private boolean swallowed;

    Parser(String path, String src) {
        this.path = path;
        this.src = src;
        this.len = src.length();
        // About one node per 24 characters in real files; growing is cheap anyway.
        this.nodes = new int[Math.max(64, len / 3) & ~(SyntaxTree.STRIDE - 1)];
    }

    ParsedFile parse() {
        int doc = open(NodeKind.DOCUMENT, 0);
        reportInvisibleCharacters();
        items(0, -1);
        set(doc, SyntaxTree.END, len);
        set(doc, SyntaxTree.NEXT, count);
        int[] exact = Arrays.copyOf(nodes, count * SyntaxTree.STRIDE);
        SyntaxTree tree = new SyntaxTree(path, src, exact, lines);
        return new ParsedFile(tree, diagnostics);
    }

    /**
     * Parses items until the end of the file or a {@code }}. Returns true when a {@code }} ends
     * them, leaving it unconsumed for the block.
     */
    private boolean items(int depth, int openBrace) {
        while (true) {
            skipTrivia();
            if (pos >= len) {
                return false;
            }
            char c = src.charAt(pos);
            if (Chars.isKey(c)) {
                item(depth);
            } else if (c == '}' && depth > 0) {
                return true;
            } else {
                unexpectedInItems(c);
            }
        }
    }

    private void unexpectedInItems(char c) {
        int at = pos;
        if (c == '}' || c == ']') {
            pos++;
            report(Code.LOOKML_UNMATCHED_CLOSE, at, "`" + c + "` closes nothing that is open.",
                    "remove it, or look for a missing `" + (c == '}' ? '{' : '[') + "` above");
        } else if (c == ';') {
            pos++;
            report(Code.LOOKML_UNEXPECTED, at, "Stray `;` outside a code block.",
                    "a code block ends at the first `;;`; remove the extra `;`");
        } else if (c == '"') {
            string(pos);
            report(Code.LOOKML_UNEXPECTED, at, "Expected a key, found a quoted string.",
                    "each item is written `key: value`");
        } else if (Chars.isLiteral(c)) {
            int start = pos;
            skipLiteral();
            report(Code.LOOKML_UNEXPECTED, at, "Expected a key, found `" + src.substring(start, pos) + "`.",
                    "keys are made of letters, digits and `_`, and are followed by `:`");
        } else {
            pos++;
            report(Code.LOOKML_UNEXPECTED, at, "Expected a key, found `" + c + "`.",
                    "each item is written `key: value`");
        }
        recovering = true;
    }

    private void item(int depth) {
        int start = pos;
        while (pos < len && Chars.isKey(src.charAt(pos))) {
            pos++;
        }
        int keyEnd = pos;
        int colon = pos;
        while (colon < len && (src.charAt(colon) == ' ' || src.charAt(colon) == '\t')) {
            colon++;
        }
        if (colon >= len || src.charAt(colon) != ':') {
            if (keyEnd < len && Chars.isLiteral(src.charAt(keyEnd))) {
                pos = start;
                unexpectedInItems(src.charAt(start));
                return;
            }
            report(Code.LOOKML_MISSING_COLON, start,
                    "Key `" + src.substring(start, keyEnd) + "` is not followed by `:`.",
                    "write `key: value`; text that belongs to a value with spaces must be quoted");
            recovering = true;
            return;
        }
        pos = colon + 1;
        if (isCodeKey(start, keyEnd)) {
            code(start, keyEnd, colon);
        } else {
            value(start, keyEnd, colon, depth);
        }
        recovering = false;
    }

    /** Returns true for keys whose value is raw text up to {@code ;;}: sql*, html*, expr*. */
    private boolean isCodeKey(int start, int end) {
        int n = end - start;
        return (n >= 3 && src.startsWith("sql", start))
                || (n >= 4 && (src.startsWith("html", start) || src.startsWith("expr", start)));
    }

    private void code(int start, int keyEnd, int colon) {
        int node = open(NodeKind.CODE, start);
        set(node, SyntaxTree.KEY_END, keyEnd);
        set(node, SyntaxTree.COLON, colon);
        set(node, SyntaxTree.VALUE_START, pos);
        int end = src.indexOf(";;", pos);
        if (end < 0) {
            set(node, SyntaxTree.VALUE_END, len);
            pos = len;
            swallowed = true;
            report(Code.LOOKML_UNTERMINATED_CODE, start,
                    "Code block `" + src.substring(start, keyEnd) + "` never ends with `;;`.",
                    "end the code with `;;`, on the same line or a line of its own");
        } else {
            set(node, SyntaxTree.VALUE_END, end);
            pos = end + 2;
            flag(node, SyntaxTree.CLOSED);
        }
        set(node, SyntaxTree.END, pos);
        set(node, SyntaxTree.NEXT, count);
    }

    private void value(int start, int keyEnd, int colon, int depth) {
        skipTrivia();
        char c = pos < len ? src.charAt(pos) : '\0';
        if (c == '{') {
            block(start, keyEnd, colon, -1, depth);
        } else if (c == '[') {
            list(start, keyEnd, colon);
        } else if (c == '"') {
            int node = open(NodeKind.PAIR, start);
            keyed(node, keyEnd, colon);
            set(node, SyntaxTree.VALUE_START, pos);
            if (string(pos)) {
                flag(node, SyntaxTree.CLOSED);
            }
            flag(node, SyntaxTree.QUOTED);
            set(node, SyntaxTree.VALUE_END, pos);
            finish(node);
        } else if (c != '\0' && Chars.isLiteral(c)) {
            int literal = pos;
            skipLiteral();
            int literalEnd = pos;
            skipTrivia();
            if (pos < len && src.charAt(pos) == '{') {
                block(start, keyEnd, colon, literal, depth);
                return;
            }
            pos = literalEnd;
            int node = open(NodeKind.PAIR, start);
            keyed(node, keyEnd, colon);
            set(node, SyntaxTree.VALUE_START, literal);
            set(node, SyntaxTree.VALUE_END, literalEnd);
            finish(node);
        } else {
            int node = open(NodeKind.PAIR, start);
            keyed(node, keyEnd, colon);
            set(node, SyntaxTree.VALUE_START, colon + 1);
            set(node, SyntaxTree.VALUE_END, colon + 1);
            flag(node, SyntaxTree.MISSING);
            set(node, SyntaxTree.END, colon + 1);
            set(node, SyntaxTree.NEXT, count);
            pos = colon + 1;
            report(Code.LOOKML_MISSING_VALUE, pos < len && c != '\0' ? skipTriviaFrom(pos) : colon,
                    "Key `" + src.substring(start, keyEnd) + "` has no value.",
                    "a value is a literal, a quoted string, a list `[...]` or a block `{...}`");
        }
    }

    private void block(int start, int keyEnd, int colon, int name, int depth) {
        int node = open(NodeKind.BLOCK, start);
        keyed(node, keyEnd, colon);
        set(node, SyntaxTree.VALUE_START, name);
        int brace = pos;
        set(node, SyntaxTree.VALUE_END, brace);
        if (depth + 1 > MAX_DEPTH) {
            swallowed = true;
            report(Code.LOOKML_TOO_DEEP, brace, "Blocks are nested more than " + MAX_DEPTH + " deep.",
                    "the rest of the file is not parsed");
            pos = len;
            set(node, SyntaxTree.END, len);
            set(node, SyntaxTree.NEXT, count);
            return;
        }
        pos++;
        if (items(depth + 1, brace)) {
            pos++;
            flag(node, SyntaxTree.CLOSED);
        } else {
            Diagnostic d = diagnostic(Code.LOOKML_UNCLOSED_BLOCK, brace,
                    "Block `" + src.substring(start, name >= 0 ? literalEnd(name) : keyEnd) + "` is never closed.",
                    "add the missing `}`");
            if (d != null) {
                diagnostics.add(d.withRelated(position(len), "the file ends here"));
            }
        }
        set(node, SyntaxTree.END, pos);
        set(node, SyntaxTree.NEXT, count);
    }

    private void list(int start, int keyEnd, int colon) {
        int node = open(NodeKind.LIST, start);
        keyed(node, keyEnd, colon);
        int bracket = pos;
        set(node, SyntaxTree.VALUE_START, bracket);
        pos++;
        int elements = 0;
        boolean afterComma = false;
        boolean sawComma = false;
        while (true) {
            skipTrivia();
            char c = pos < len ? src.charAt(pos) : '\0';
            if (pos >= len || c == '}') {
                report(Code.LOOKML_UNCLOSED_LIST, bracket,
                        "List `" + src.substring(start, keyEnd) + "` is never closed.", "add the missing `]`");
                break;
            } else if (c == ']') {
                pos++;
                flag(node, SyntaxTree.CLOSED);
                break;
            } else if (c == ',') {
                if (afterComma || (sawComma && elements == 0)) {
                    report(Code.LOOKML_EMPTY_LIST_ELEMENT, pos, "List `" + src.substring(start, keyEnd)
                            + "` has an empty element between two commas.", "remove one `,`");
                }
                sawComma = true;
                afterComma = true;
                pos++;
            } else if (c == '"' || Chars.isLiteral(c)) {
                if (elements > 0 && !afterComma) {
                    report(Code.LOOKML_MISSING_COMMA, pos,
                            "List elements must be separated by `,`.", "add a `,` before this element");
                }
                element();
                elements++;
                afterComma = false;
            } else {
                report(Code.LOOKML_UNEXPECTED, pos, "Unexpected `" + c + "` in a list.",
                        "list elements are literals, quoted strings or `key: value` pairs");
                pos++;
            }
        }
        set(node, SyntaxTree.VALUE_END, pos);
        set(node, SyntaxTree.END, pos);
        set(node, SyntaxTree.NEXT, count);
    }

    private void element() {
        int start = pos;
        int node = open(NodeKind.ELEMENT, start);
        boolean quoted = src.charAt(pos) == '"';
        boolean closed = quoted ? string(pos) : skipLiteral();
        int end = pos;
        int colon = skipTriviaFrom(end);
        if (colon < len && src.charAt(colon) == ':') {
            set(node, SyntaxTree.KEY_END, end);
            set(node, SyntaxTree.COLON, colon);
            if (quoted) {
                flag(node, SyntaxTree.KEY_QUOTED);
            }
            pos = colon + 1;
            skipTrivia();
            char c = pos < len ? src.charAt(pos) : '\0';
            int valueStart = pos;
            if (c == '"') {
                flag(node, SyntaxTree.QUOTED);
                closed = string(pos);
            } else if (c != '\0' && Chars.isLiteral(c)) {
                closed = skipLiteral();
            } else {
                valueStart = colon + 1;
                pos = colon + 1;
                flag(node, SyntaxTree.MISSING);
                report(Code.LOOKML_MISSING_VALUE, skipTriviaFrom(pos),
                        "Key `" + src.substring(start, end) + "` has no value.", "write `key: value` in a list");
            }
            set(node, SyntaxTree.VALUE_START, valueStart);
            set(node, SyntaxTree.VALUE_END, pos);
            quoted = (flags(node) & SyntaxTree.QUOTED) != 0;
        } else {
            set(node, SyntaxTree.VALUE_START, start);
            set(node, SyntaxTree.VALUE_END, end);
            if (quoted) {
                flag(node, SyntaxTree.QUOTED);
            }
        }
        if (closed) {
            flag(node, SyntaxTree.CLOSED);
        }
        set(node, SyntaxTree.END, pos);
        set(node, SyntaxTree.NEXT, count);
    }

    /**
     * Scans a quoted string that starts at {@code quote} and leaves {@code pos} after it. Returns
     * false, after reporting, when the file ends first.
     */
    private boolean string(int quote) {
        int i = quote + 1;
        while (true) {
            int q = src.indexOf('"', i);
            if (q < 0) {
                pos = len;
                swallowed = true;
                report(Code.LOOKML_UNTERMINATED_STRING, quote, "Quoted string is never closed.",
                        "add the closing `\"`; write `\\\"` for a quote inside a string");
                return false;
            }
            int backslashes = 0;
            for (int b = q - 1; b > quote && src.charAt(b) == '\\'; b--) {
                backslashes++;
            }
            if ((backslashes & 1) == 0) {
                pos = q + 1;
                return true;
            }
            i = q + 1;
        }
    }

    private boolean skipLiteral() {
        while (pos < len && Chars.isLiteral(src.charAt(pos))) {
            pos++;
        }
        return true;
    }

    private int literalEnd(int from) {
        int i = from;
        while (i < len && Chars.isLiteral(src.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Reports the first control character of the file and its first carriage return without a
     * line feed, once each. Neither stops the parse, which reads both as it always has: a NUL
     * inside a code block would reach the warehouse, which refuses it, and with old Mac line
     * endings every line and column this parser and the checks after it report would be wrong.
     */
    private void reportInvisibleCharacters() {
        boolean control = false;
        boolean bareReturn = false;
        for (int i = 0; i < len && !(control && bareReturn); i++) {
            char c = src.charAt(i);
            if (c >= ' ' && c != 0x7F || c == '\n' || c == '\t' || c == '\f') {
                continue;
            }
            if (c == '\r') {
                if (!bareReturn && (i + 1 == len || src.charAt(i + 1) != '\n')) {
                    bareReturn = true;
                    report(Code.LOOKML_UNEXPECTED, i, "A carriage return ends a line here without a line feed.",
                            "save the file with LF or CRLF line endings: lines are counted by line feeds, so"
                                    + " every position in this file would be wrong");
                }
            } else if (!control) {
                control = true;
                report(Code.LOOKML_UNEXPECTED, i, "LookML cannot hold the invisible character U+"
                                + String.format(java.util.Locale.ROOT, "%04X", (int) c) + ".",
                        "remove it; an editor that shows invisible characters finds it");
            }
        }
    }

    private void skipTrivia() {
        pos = skipTriviaFrom(pos);
    }

    /** Returns the offset of the first character at or after {@code i} that is not whitespace or comment. */
    private int skipTriviaFrom(int i) {
        while (i < len) {
            char c = src.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '#') {
                int nl = src.indexOf('\n', i);
                i = nl < 0 ? len : nl;
            } else if (c >= 128 && Chars.isSpace(c) || c == '\f') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private int open(NodeKind kind, int start) {
        int base = count * SyntaxTree.STRIDE;
        if (base + SyntaxTree.STRIDE > nodes.length) {
            nodes = Arrays.copyOf(nodes, nodes.length * 2 + SyntaxTree.STRIDE);
        }
        nodes[base + SyntaxTree.KIND] = kind.ordinal();
        nodes[base + SyntaxTree.START] = start;
        nodes[base + SyntaxTree.KEY_END] = -1;
        nodes[base + SyntaxTree.COLON] = -1;
        nodes[base + SyntaxTree.VALUE_START] = -1;
        nodes[base + SyntaxTree.VALUE_END] = -1;
        return count++;
    }

    private void keyed(int node, int keyEnd, int colon) {
        set(node, SyntaxTree.KEY_END, keyEnd);
        set(node, SyntaxTree.COLON, colon);
    }

    private void finish(int node) {
        set(node, SyntaxTree.END, pos);
        set(node, SyntaxTree.NEXT, count);
    }

    private void set(int node, int slot, int value) {
        nodes[node * SyntaxTree.STRIDE + slot] = value;
    }

    private void flag(int node, int flag) {
        nodes[node * SyntaxTree.STRIDE + SyntaxTree.KIND] |= flag << SyntaxTree.FLAG_SHIFT;
    }

    private int flags(int node) {
        return nodes[node * SyntaxTree.STRIDE + SyntaxTree.KIND] >>> SyntaxTree.FLAG_SHIFT;
    }

    private void report(Code code, int offset, String message, String hint) {
        Diagnostic d = diagnostic(code, offset, message, hint);
        if (d != null) {
            diagnostics.add(d);
        }
    }

    /** Returns the diagnostic to add, or null when it is a cascade or past the cap. */
    private Diagnostic diagnostic(Code code, int offset, String message, String hint) {
        boolean cascade = recovering
                && (code == Code.LOOKML_UNEXPECTED || code == Code.LOOKML_MISSING_COLON
                        || code == Code.LOOKML_UNMATCHED_CLOSE)
                || swallowed && (code == Code.LOOKML_UNCLOSED_BLOCK || code == Code.LOOKML_UNCLOSED_LIST);
        if (cascade || diagnostics.size() >= MAX_DIAGNOSTICS) {
            return null;
        }
        return Diagnostic.error(code, position(offset), message).withHint(hint);
    }

    private dev.storyc.diag.Position position(int offset) {
        if (lines == null) {
            lines = LineMap.of(src);
        }
        return dev.storyc.diag.Position.of(path, lines.line(offset), lines.column(offset));
    }
}
