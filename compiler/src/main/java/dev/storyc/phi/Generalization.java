package dev.storyc.phi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a generalized value keeps part of itself, as Safe Harbor allows: a date keeps its year, a
 * ZIP code its first three digits. The SQL keeps the column's type: a generalized date is still a
 * date (January 1st of its year), so date dimensions and their timeframes keep working.
 */
public enum Generalization {
    /** A date or timestamp keeps its year: {@code 1958-12-10} becomes {@code 1958-01-01}. */
    YEAR,
    /** A ZIP code keeps its first three digits: {@code 02139} becomes {@code 021}. */
    ZIP3;

    /** Returns the spelling used in phi.toml. */
    public String spelling() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Returns the generalization a spelling names. */
    public static Optional<Generalization> parse(String text) {
        return Arrays.stream(values()).filter(g -> g.spelling().equals(text)).findFirst();
    }

    /** Returns every spelling. */
    public static List<String> spellings() {
        return Arrays.stream(values()).map(Generalization::spelling).toList();
    }
}
