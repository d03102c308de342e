package dev.storyc.release;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Release names: what is allowed, and the ISO-week names of a weekly release train. */
public final class ReleaseNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    private ReleaseNames() {}

    /**
     * The longest release name. A name is a file name ({@code releases/NAME.toml}) and an output
     * tag ({@code release/NAME}), and file systems stop at 255 bytes; a limit well under that
     * leaves room for the temporary file a manifest is written through.
     */
    public static final int MAX_LENGTH = 100;

    /** The rule {@link #isValid} keeps, as hints state it. */
    public static final String RULE = "at most " + MAX_LENGTH + " letters, digits, '.', '_' and '-', starting"
            + " with a letter or digit, with no '..' and not ending in '.' or '.lock' (a name is also a git tag)";

    /**
     * Returns true for a name a release may have. It is also an output tag, {@code release/NAME},
     * so what git refuses in a ref name is refused too: {@code a..b} made a tag git reports as
     * broken, and {@code x.lock} one git takes for a lock file and never shows.
     */
    public static boolean isValid(String name) {
        return name.length() <= MAX_LENGTH && NAME.matcher(name).matches() && !name.equals("all")
                && !name.contains("..") && !name.endsWith(".") && !name.endsWith(".lock");
    }

    /** Returns the ISO week after the newest {@code YYYY-Www} name, or empty when there is none. */
    public static Optional<String> nextWeek(Collection<String> names) {
        return names.stream()
                .filter(ReleaseNames::isWeek)
                .map(ReleaseNames::mondayOfName)
                .max(LocalDate::compareTo)
                .map(monday -> weekName(monday.plusWeeks(1)));
    }

    /** Returns the newest {@code YYYY-Www} name, the natural base of the next release. */
    public static Optional<String> newestWeek(Collection<String> names) {
        return names.stream().filter(ReleaseNames::isWeek)
                .max((a, b) -> mondayOfName(a).compareTo(mondayOfName(b)));
    }

    /**
     * Returns true for the name of a real ISO week, such as {@code 2026-W48}. {@code 2026-W99},
     * {@code 2026-W00} and {@code 2026-W53} (2026 has 52 weeks) are valid release names, but no
     * week of the release train: counting them made {@code java.time} throw.
     */
    static boolean isWeek(String name) {
        Matcher m = WEEK.matcher(name);
        if (!m.matches()) {
            return false;
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        // 28 December always falls in the last ISO week of its year.
        int weeks = LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return week >= 1 && week <= weeks;
    }

    /** Returns the ISO week name of a date, such as {@code 2026-W48}. */
    public static String weekName(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static LocalDate mondayOfName(String name) {
        Matcher m = WEEK.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException(name);
        }
        return mondayOf(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static LocalDate mondayOf(int year, int week) {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(java.time.DayOfWeek.MONDAY);
    }
}
