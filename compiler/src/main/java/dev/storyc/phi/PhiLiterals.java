package dev.storyc.phi;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a filter value written into LookML or a dashboard is data. Looker's filter
 * expressions for "no value" ({@code NULL}, {@code -EMPTY}, ...) and an empty default carry none;
 * anything holding a letter or a digit may be a patient's MRN or name, and is refused where the
 * field is protected.
 */
final class PhiLiterals {
    private static final Set<String> NOT_DATA = Set.of("null", "-null", "empty", "-empty", "");

    private PhiLiterals() {}

    static boolean looksLikeData(String value) {
        String folded = value.strip().toLowerCase(Locale.ROOT);
        return !NOT_DATA.contains(folded) && folded.chars().anyMatch(Character::isLetterOrDigit);
    }
}
