package dev.storyc.phi;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds whether a text holds one of a set of names as a word (letters, digits and underscores),
 * without a regular expression or a string per word: the phi stage asks it of every file of
 * every environment, and most words have no wanted name's length.
 */
final class Words {
    private final Set<String> names;
    private final List<String> prefixes;
    private final boolean[] lengths;
    private final boolean fold;

    /**
     * @param names the words wanted
     * @param prefixes words wanted by their start (a dimension group's name and {@code _})
     * @param fold whether to compare without case, as SQL compares unquoted names
     */
    Words(Set<String> names, List<String> prefixes, boolean fold) {
        this.names = Set.copyOf(names);
        this.prefixes = List.copyOf(prefixes);
        this.fold = fold;
        int longest = names.stream().mapToInt(String::length).max().orElse(0);
        this.lengths = new boolean[longest + 1];
        names.forEach(name -> lengths[name.length()] = true);
    }

    boolean isEmpty() {
        return names.isEmpty() && prefixes.isEmpty();
    }

    /** Returns true when {@code text} holds a wanted word. */
    boolean foundIn(String text) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!isWordStart(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && isWordPart(text.charAt(i))) {
                i++;
            }
            int size = i - start;
            if (size < lengths.length && lengths[size] && names.contains(word(text, start, i))) {
                return true;
            }
            for (String prefix : prefixes) {
                if (size > prefix.length() && text.regionMatches(fold, start, prefix, 0, prefix
                        .length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private String word(String text, int start, int end) {
        String word = text.substring(start, end);
        return fold ? word.toLowerCase(Locale.ROOT) : word;
    }

    private static boolean isWordStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c > 127 && Character
                .isLetter(c);
    }

    private static boolean isWordPart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                || c > 127 && Character.isLetterOrDigit(c);
    }
}
