package dev.storyc.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VersionRequirement is the range of storyc versions a workspace works with, written as dbt's
 * {@code require-dbt-version} is: comparisons joined by commas, such as {@code ">=0.1.0, <0.2.0"}.
 * A bare version means exactly that version.
 *
 * <p>Versions compare by their numeric parts only; a qualifier such as {@code -SNAPSHOT} is
 * ignored, so a build of 0.2.0 in progress satisfies {@code >=0.2.0} like the release will. This is
 * hand-written because the three comparisons do not justify a semver library.
 */
public record VersionRequirement(String text, List<Bound> bounds) {
    // At most nine digits a number, so that each fits an int: a longer one is no version.
    private static final Pattern BOUND =
            Pattern.compile("\\s*(>=|<=|==|=|>|<)?\\s*(\\d{1,9}(?:\\.\\d{1,9}){0,2})\\s*");
    private static final Pattern VERSION =
            Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?:[-+.].*)?");

    /** One comparison, such as {@code >=0.1.0}. */
    public record Bound(String operator, String version) {
        boolean admits(int[] candidate) {
            int order = compare(candidate, numbers(version).orElseThrow());
            return switch (operator) {
                case ">=" -> order >= 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case "<" -> order < 0;
                default -> order == 0;
            };
        }

        @Override
        public String toString() {
            return operator + version;
        }
    }

    public VersionRequirement {
        bounds = List.copyOf(bounds);
    }

    /** Returns the requirement {@code text} states, or empty when it is not one. */
    public static Optional<VersionRequirement> parse(String text) {
        List<Bound> bounds = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Matcher m = BOUND.matcher(part);
            if (!m.matches()) {
                return Optional.empty();
            }
            String operator = m.group(1) == null || m.group(1).equals("=") ? "==" : m.group(1);
            bounds.add(new Bound(operator, m.group(2)));
        }
        return Optional.of(new VersionRequirement(text.strip(), bounds));
    }

    /** Returns true when {@code version} (such as {@code 0.1.0-SNAPSHOT}) is in the range. */
    public boolean admits(String version) {
        Optional<int[]> numbers = numbers(version);
        return numbers.isPresent() && bounds.stream().allMatch(b -> b.admits(numbers.get()));
    }

    private static Optional<int[]> numbers(String version) {
        Matcher m = VERSION.matcher(version.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int[] numbers = new int[3];
        for (int i = 0; i < 3; i++) {
            numbers[i] = m.group(i + 1) == null ? 0 : Integer.parseInt(m.group(i + 1));
        }
        return Optional.of(numbers);
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
