package dev.storyc.check;

import dev.storyc.check.SqlLexer.Token;
import dev.storyc.check.SqlLexer.TokenKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names the columns a query's outer select list produces, for {@code CREATE TABLE AS} and views.
 * Its own file because naming select items (aliases, bare aliases, {@code t.x}, {@code *}) is a
 * question about queries, not about the statements that store their result.
 */
final class SelectList {
    private SelectList() {}

    /**
     * Reads the outer select list of {@code [WITH ...] SELECT a, b AS c, t.d FROM ...}: each item's
     * alias, else the column it names. Returns why the list cannot be known, or null.
     */
    static String read(SqlCursor c, List<String> into) {
        while (!c.done() && !c.peekWord("select")) {
            if (c.peekPunct("(")) {
                c.skipGroup();
            } else {
                c.skip();
            }
        }
        if (!c.word("select")) {
            return "its query is not a plain SELECT";
        }
        if (!c.word("distinct")) {
            c.word("all");
        }
        while (!c.done()) {
            List<Token> item = new ArrayList<>();
            int depth = 0;
            while (!c.done()) {
                Token t = c.peek();
                if (depth == 0
                        && (t.text().equals(",")
                                || t.isWord("from")
                                || t.isWord("into")
                                || t.isWord("where")
                                || t.isWord("union"))) {
                    break;
                }
                if (t.text().equals("(")) {
                    depth++;
                } else if (t.text().equals(")")) {
                    depth--;
                }
                item.add(t);
                c.skip();
            }
            Optional<String> column = itemName(item);
            if (column.isEmpty()) {
                String text = item.stream().map(Token::text).reduce("", (a, b) -> a + b);
                return text.endsWith("*")
                        ? "its select list has `" + text + "`"
                        : "its select list has `" + text + "` without a name (add AS name)";
            }
            into.add(column.get());
            if (!c.punct(",")) {
                break;
            }
        }
        return null;
    }

    /**
     * Returns the name a select item gives its column: {@code ... AS x}, {@code ... x}, {@code
     * t.x}, {@code x}.
     */
    static Optional<String> itemName(List<Token> item) {
        if (item.isEmpty()) {
            return Optional.empty();
        }
        Token last = item.get(item.size() - 1);
        if (last.text().equals("*")) {
            return Optional.empty();
        }
        if (item.size() >= 2 && item.get(item.size() - 2).isWord("as")) {
            return SqlCursor.identifier(last);
        }
        boolean plain = true;
        for (int i = 0; i < item.size(); i++) {
            boolean name =
                    i % 2 == 0
                            ? item.get(i).kind() != TokenKind.PUNCTUATION
                            : item.get(i).text().equals(".");
            plain &= name;
        }
        if (plain && item.size() % 2 == 1) {
            return SqlCursor.identifier(last);
        }
        // An expression followed by a bare alias: `LOWER(x) y`, `count(*) n`.
        Token before = item.size() >= 2 ? item.get(item.size() - 2) : null;
        if (before != null
                && last.kind() != TokenKind.PUNCTUATION
                && (before.text().equals(")")
                        || before.kind() != TokenKind.PUNCTUATION && !before.text().equals("."))
                && !isKeyword(last)) {
            return SqlCursor.identifier(last);
        }
        return Optional.empty();
    }

    static boolean isKeyword(Token token) {
        for (String word : List.of("end", "null", "true", "false")) {
            if (token.isWord(word)) {
                return true;
            }
        }
        return false;
    }
}
