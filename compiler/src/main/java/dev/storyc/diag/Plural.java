package dev.storyc.diag;

/** A count with its noun, for summaries: "1 error", "2 queries", "0 changes". */
public final class Plural {
    private Plural() {}

    /** Returns the count and the noun, in the plural unless the count is one. */
    public static String of(long count, String noun) {
        if (count == 1) {
            return count + " " + noun;
        }
        boolean consonantY = noun.endsWith("y") && noun.length() > 1
                && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0;
        return count + " " + (consonantY ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }
}
