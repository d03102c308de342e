package dev.storyc.phi;

/**
 * Renders a treatment as SQL around a column expression. It is the one definition of what a
 * treated column looks like: the LookML rewrite and the ETL rewrite both call {@link #render}, and
 * the proof check calls {@link #isTreated} to recognise the result. The SQL runs on PostgreSQL and
 * Redshift alike without extensions, and keeps the column's type where the treatment can:
 *
 * <ul>
 *   <li>pseudonymize: {@code LEFT(MD5('key' || CAST(x AS VARCHAR)), 16)}, 64 bits of a keyed
 *       hash: the same value gives the same pseudonym within an environment, so joins and
 *       distinct counts still work, and NULL stays NULL;</li>
 *   <li>generalize: a date keeps its year and stays a date,
 *       {@code CAST(DATE_TRUNC('year', x) AS DATE)}; a ZIP code keeps 3 digits,
 *       {@code LEFT(CAST(x AS VARCHAR), 3)};</li>
 *   <li>redact: a constant of the column's kind: {@code '[redacted]'} for text, a NULL date for
 *       dates, {@code '000'} for a ZIP code (Safe Harbor's own stand-in);</li>
 *   <li>allow: the column as it is.</li>
 * </ul>
 */
public final class TreatmentSql {
    /** What a redacted text column reads as. */
    public static final String REDACTED_TEXT = "'[redacted]'";
    /** What a redacted date column reads as: a constant that keeps the date type. */
    public static final String REDACTED_DATE = "CAST(NULL AS DATE)";
    /** What a redacted ZIP code reads as, as Safe Harbor writes sparsely populated 3-digit ZIPs. */
    public static final String REDACTED_ZIP = "'000'";

    private TreatmentSql() {}

    /** Returns {@code columnSql} under {@code treatment}, for a column of {@code column}'s kind. */
    public static String render(Treatment treatment, ProtectedColumn column, String columnSql) {
        if (treatment instanceof Treatment.Allow) {
            return columnSql;
        }
        if (treatment instanceof Treatment.Redact) {
            return redacted(column);
        }
        return prefix(treatment, column) + columnSql + suffix(treatment, column);
    }

    /**
     * Returns true when {@code text[start, end)}, a read of {@code column}, stands inside the SQL
     * {@link #render} writes for {@code treatment}, so the value it reads never leaves unchanged.
     * A redacted column is never read at all, and an allowed one is never treated.
     */
    public static boolean isTreated(Treatment treatment, ProtectedColumn column, CharSequence text,
            int start, int end) {
        if (!(treatment instanceof Treatment.Pseudonymize
                || treatment instanceof Treatment.Generalize)) {
            return false;
        }
        String prefix = prefix(treatment, column);
        String suffix = suffix(treatment, column);
        return start >= prefix.length() && end + suffix.length() <= text.length()
                && text.subSequence(start - prefix.length(), start).toString().equals(prefix)
                && text.subSequence(end, end + suffix.length()).toString().equals(suffix);
    }

    private static String redacted(ProtectedColumn column) {
        if (column.holdsDates()) {
            return REDACTED_DATE;
        }
        return column.generalization().isPresent() ? REDACTED_ZIP : REDACTED_TEXT;
    }

    private static String prefix(Treatment treatment, ProtectedColumn column) {
        if (treatment instanceof Treatment.Pseudonymize pseudonymize) {
            return "LEFT(MD5('" + pseudonymize.key().hex() + "' || CAST(";
        }
        return column.holdsDates() ? "CAST(DATE_TRUNC('year', " : "LEFT(CAST(";
    }

    private static String suffix(Treatment treatment, ProtectedColumn column) {
        if (treatment instanceof Treatment.Pseudonymize) {
            return " AS VARCHAR)), 16)";
        }
        return column.holdsDates() ? ") AS DATE)" : " AS VARCHAR), 3)";
    }
}
