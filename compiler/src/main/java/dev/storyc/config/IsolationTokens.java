package dev.storyc.config;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How isolation splits text into names. A token is a maximal run of letters, digits, {@code _}
 * and {@code $}: what a warehouse reads as one unquoted identifier. {@code -} and {@code .} end a
 * token, so {@code analytics_prod--x} and {@code analytics_prod.raw} both name
 * {@code analytics_prod}.
 * Tokens compare case-insensitively, as the warehouse does for unquoted identifiers and DNS does
 * for host names, so {@code ANALYTICS_PROD} is the same name as {@code analytics_prod}.
 */
public final class IsolationTokens {
    private IsolationTokens() {}

    /** Returns true for a character that continues a token. */
    public static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '$' || (c > 127 && Character.isLetterOrDigit(c));
    }

    /** Returns the text folded the way isolation compares it. */
    public static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Returns the distinct folded tokens of a text. */
    public static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            if (!isTokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < length && isTokenChar(text.charAt(end))) {
                end++;
            }
            tokens.add(fold(text.substring(i, end)));
            i = end;
        }
        return tokens;
    }

    /**
     * Returns the folded first token of a value, or "" when the value starts with punctuation and
     * so cannot be found from the start of a token.
     */
    public static String firstToken(String value) {
        int end = 0;
        while (end < value.length() && isTokenChar(value.charAt(end))) {
            end++;
        }
        return fold(value.substring(0, end));
    }

    /**
     * Returns true when {@code value} occurs in {@code text} at {@code offset}, ignoring case, as
     * whole tokens: it starts at the start of a token, and ends at the end of one or in
     * punctuation.
     */
    public static boolean occursAt(String text, int offset, String value) {
        int end = offset + value.length();
        if (end > text.length() || !text.regionMatches(true, offset, value, 0, value.length())) {
            return false;
        }
        return (offset == 0 || !isTokenChar(text.charAt(offset - 1)))
                && (end == text.length() || !isTokenChar(text.charAt(end))
                        || !isTokenChar(text.charAt(end - 1)));
    }

    /** Returns true when {@code value} occurs in {@code text} as whole tokens, ignoring case. */
    public static boolean contains(String text, String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i + value.length() <= text.length(); i++) {
            if ((i == 0 || !isTokenChar(text.charAt(i - 1))) && occursAt(text, i, value)) {
                return true;
            }
        }
        return false;
    }
}
