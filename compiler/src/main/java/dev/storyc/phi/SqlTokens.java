package dev.storyc.phi;

import dev.storyc.check.SqlLexer.Token;
import dev.storyc.check.SqlLexer.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One statement's tokens with the moves every reader of queries needs: matching parentheses,
 * finding a clause word at the top level, splitting a list at its top-level commas.
 */
final class SqlTokens {
    private final String sql;
    private final List<Token> tokens;

    SqlTokens(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = List.copyOf(tokens);
    }

    String sql() {
        return sql;
    }

    int size() {
        return tokens.size();
    }

    Token get(int index) {
        return tokens.get(index);
    }

    boolean word(int index, String word) {
        return index < tokens.size() && tokens.get(index).isWord(word);
    }

    /** Returns true when the words follow one another from {@code index}. */
    boolean words(int index, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (!word(index + k, words[k])) {
                return false;
            }
        }
        return true;
    }

    boolean punct(int index, String punct) {
        return index < tokens.size() && tokens.get(index).isPunct(punct);
    }

    /** Returns true when the token is a word of the set (folded) and not a quoted name. */
    boolean wordIn(int index, Set<String> words) {
        return index < tokens.size() && tokens.get(index).kind() == TokenKind.WORD
                && words.contains(tokens.get(index).text().toLowerCase(Locale.ROOT));
    }

    /** Returns true for a word or a quoted identifier: something that can be a name. */
    boolean name(int index) {
        return index < tokens.size() && (tokens.get(index).kind() == TokenKind.WORD
                || tokens.get(index).kind() == TokenKind.QUOTED_IDENTIFIER);
    }

    /** Returns a word folded to lower case, or a quoted identifier as written. */
    Optional<String> identifier(int index) {
        if (!name(index)) {
            return Optional.empty();
        }
        Token token = tokens.get(index);
        return Optional.of(token.kind() == TokenKind.WORD
                ? token.text().toLowerCase(Locale.ROOT) : token.text());
    }

    /** Returns the index of the {@code )} that closes the {@code (} at {@code open}. */
    int close(int open, int limit) {
        int depth = 0;
        for (int i = open; i < limit; i++) {
            if (tokens.get(i).isPunct("(")) {
                depth++;
            } else if (tokens.get(i).isPunct(")") && --depth == 0) {
                return i;
            }
        }
        return limit;
    }

    /** Returns the first index in [from, to) of a top-level word of the set, or {@code to}. */
    int findTop(int from, int to, Set<String> words) {
        return findTop(from, to, i -> wordIn(i, words));
    }

    /**
     * Returns the first index in [from, to) outside any parentheses opened in the range where
     * {@code stop} holds, or {@code to}.
     */
    int findTop(int from, int to, java.util.function.IntPredicate stop) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isPunct("(")) {
                depth++;
            } else if (token.isPunct(")")) {
                depth--;
            } else if (depth == 0 && stop.test(i)) {
                return i;
            }
        }
        return to;
    }

    /** Splits [from, to) at its top-level commas into [start, end) ranges. */
    List<int[]> splitTop(int from, int to) {
        List<int[]> ranges = new ArrayList<>();
        int start = from;
        while (start < to) {
            int comma = findTop(start, to, i -> tokens.get(i).isPunct(","));
            ranges.add(new int[] {start, comma});
            start = comma + 1;
        }
        return ranges;
    }

    /** Names in parentheses, such as a CTE's or an alias's column list, and the index after. */
    record NameList(List<String> names, int next) {}

    /** Reads an optional {@code (a, b)} at {@code i}; without one, no names and {@code i}. */
    NameList nameList(int i, int to) {
        if (!punct(i, "(")) {
            return new NameList(List.of(), i);
        }
        int close = close(i, to);
        return new NameList(names(i, close), close + 1);
    }

    /** Returns the text [from, to) spans, as written. */
    String text(int from, int to) {
        if (from >= to) {
            return "";
        }
        return sql.substring(tokens.get(from).offset(), tokens.get(to - 1).end());
    }

    /** Returns the names of a parenthesised list {@code (a, b)} at {@code open}. */
    List<String> names(int open, int close) {
        List<String> names = new ArrayList<>();
        for (int[] range : splitTop(open + 1, close)) {
            identifier(range[0]).ifPresent(names::add);
        }
        return names;
    }
}
