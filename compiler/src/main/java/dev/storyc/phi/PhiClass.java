package dev.storyc.phi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The classes of protected health information a column can hold. They group the 18 identifier
 * kinds of HIPAA's Safe Harbor de-identification method (45 CFR 164.514(b)(2)) by how they can be
 * treated, which is what an environment's policy decides per class:
 *
 * <ul>
 *   <li>{@link #IDENTIFIER}: medical record numbers, health plan beneficiary and account numbers,
 *       social security, certificate, licence, vehicle and device numbers, and any other unique
 *       identifying number or code (kinds 7-14 and 18);</li>
 *   <li>{@link #NAME}: names (kind 1);</li>
 *   <li>{@link #BIRTH_DATE}: dates of birth (part of kind 3; Safe Harbor keeps the year);</li>
 *   <li>{@link #CONTACT}: street addresses, telephone and fax numbers, email addresses, URLs and
 *       IP addresses (kinds 2 without the 3-digit ZIP, 4-6, 15 and 16);</li>
 *   <li>{@link #FREE_TEXT}: clinical notes and other free text, which can hold any of the
  * above;</li>
 *   <li>{@link #QUASI}: quasi-identifiers: ZIP codes and dates of admission, discharge, service or
 *       death (kinds 2 and 3), which identify only in combination.</li>
 * </ul>
 *
 * Biometrics and photographs (kinds 16-17) are not columns an analytics warehouse holds.
 */
public enum PhiClass {
    IDENTIFIER,
    NAME,
    BIRTH_DATE,
    CONTACT,
    FREE_TEXT,
    QUASI;

    /** Returns the spelling used in phi.toml and environments.toml, such as {@code birth_date}. */
    public String spelling() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Returns the class a spelling names. */
    public static Optional<PhiClass> parse(String text) {
        return Arrays.stream(values()).filter(c -> c.spelling().equals(text)).findFirst();
    }

    /** Returns every spelling, in declaration order. */
    public static List<String> spellings() {
        return Arrays.stream(values()).map(PhiClass::spelling).toList();
    }

    /**
     * Returns how a value of this class generalizes by default, if it can: a birth date keeps its
     * year. A quasi-identifier must say (a ZIP code and a date of service generalize differently),
     * and the other classes do not generalize at all: a generalized name or MRN is still one.
     */
    public Optional<Generalization> defaultGeneralization() {
        return this == BIRTH_DATE ? Optional.of(Generalization.YEAR) : Optional.empty();
    }

    /** Returns true when an environment may generalize this class. */
    public boolean generalizes() {
        return this == BIRTH_DATE || this == QUASI;
    }
}
