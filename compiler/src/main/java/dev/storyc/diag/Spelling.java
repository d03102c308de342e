package dev.storyc.diag;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Spelling suggests the closest known name for a misspelt one, for "did you mean" hints. */
public final class Spelling {
    private Spelling() {}

    /**
     * Returns the candidate closest to {@code name} by edit distance, when it is close enough to be
     * a plausible typo: at most a third of the name's length, and at least one edit allowed.
     */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        int budget = Math.max(1, name.length() / 3);
        return candidates.stream()
                .filter(c -> !c.equals(name))
                .map(c -> new Scored(c, distance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT))))
                .filter(s -> s.distance <= budget)
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    /** Returns a "did you mean `x`?" hint, or empty when nothing is close. */
    public static Optional<String> didYouMean(String name, Collection<String> candidates) {
        return closest(name, candidates).map(c -> "did you mean `" + c + "`?");
    }

    private record Scored(String candidate, int distance) {}

    /** Returns the Levenshtein distance, counting a swap of neighbours as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
