package dev.storyc.check;

import dev.storyc.check.SqlLexer.Token;
import dev.storyc.check.SqlLexer.TokenKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a statement's tokens front to back. It is its own file because every schema-statement
 * reader ({@link ColumnCatalog}, {@link SqlTables}, {@link RevertScripts}) walks tokens the same
 * way: words, punctuation, dotted names, and parenthesised groups skipped whole.
 */
final class SqlCursor {
    private final List<Token> tokens;
    private int at;

    SqlCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Returns a word lower-cased or a quoted identifier as written; punctuation is no name. */
    static Optional<String> identifier(Token token) {
        return switch (token.kind()) {
            case WORD -> Optional.of(TableName.folded(token.text()));
            case QUOTED_IDENTIFIER -> Optional.of(token.text());
            case PUNCTUATION, STRING -> Optional.empty();
        };
    }

    boolean done() {
        return at >= tokens.size();
    }

    Token peek() {
        return tokens.get(at);
    }

    void skip() {
        at++;
    }

    boolean peekWord(String word) {
        return !done() && peek().isWord(word);
    }

    boolean peekPunct(String punct) {
        return !done() && peek().kind() == TokenKind.PUNCTUATION && peek().text().equals(punct);
    }

    boolean word(String word) {
        if (peekWord(word)) {
            at++;
            return true;
        }
        return false;
    }

    /** Consumes the words only when all of them follow. */
    boolean words(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (at + i >= tokens.size() || !tokens.get(at + i).isWord(words[i])) {
                return false;
            }
        }
        at += words.length;
        return true;
    }

    boolean punct(String punct) {
        if (peekPunct(punct)) {
            at++;
            return true;
        }
        return false;
    }

    /**
     * Returns the word a column's declared type starts with, lower case ({@code varchar} of
     * {@code VARCHAR(20)}), without moving; empty when the next token is no word.
     */
    Optional<String> peekTypeWord() {
        return done() || peek().kind() != TokenKind.WORD ? Optional.empty()
                : Optional.of(peek().text().toLowerCase(java.util.Locale.ROOT));
    }

    Optional<String> nextIdentifier() {
        if (done() || peek().kind() == TokenKind.PUNCTUATION) {
            return Optional.empty();
        }
        return identifier(tokens.get(at++));
    }

    /** Reads {@code [db.][schema.]name}. */
    Optional<TableName> name() {
        List<String> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (!done() && identifier(peek()).isPresent()) {
            Token part = tokens.get(at++);
            parts.add(identifier(part).orElseThrow());
            text.append(
                    part.kind() == TokenKind.QUOTED_IDENTIFIER
                            ? "\"" + part.text() + "\""
                            : part.text());
            if (parts.size() < 3 && peekPunct(".")) {
                at++;
                text.append('.');
            } else {
                break;
            }
        }
        return parts.isEmpty()
                ? Optional.empty()
                : Optional.of(new TableName(parts, text.toString()));
    }

    /** Reads {@code (a, b, c)}. */
    List<String> identifierList() {
        List<String> names = new ArrayList<>();
        punct("(");
        while (!done() && !peekPunct(")")) {
            nextIdentifier().ifPresent(names::add);
            while (!done() && !peekPunct(",") && !peekPunct(")")) {
                skipElement();
            }
            punct(",");
        }
        punct(")");
        return names;
    }

    /**
     * Skips a parenthesised group that starts here, up to and including its closing {@code )}.
     */
    void skipGroup() {
        int depth = 0;
        while (!done()) {
            Token t = tokens.get(at++);
            if (t.text().equals("(")) {
                depth++;
            } else if (t.text().equals(")") && --depth == 0) {
                return;
            }
        }
    }

    /**
     * Skips to (not past) the next {@code ,} or {@code )} at this depth, parenthesised groups
     * whole.
     */
    void skipElement() {
        int depth = 0;
        while (!done()) {
            Token t = peek();
            if (depth == 0 && (t.text().equals(",") || t.text().equals(")"))) {
                return;
            }
            if (t.text().equals("(")) {
                depth++;
            } else if (t.text().equals(")")) {
                depth--;
            }
            at++;
        }
    }
}
