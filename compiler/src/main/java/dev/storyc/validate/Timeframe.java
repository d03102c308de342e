package dev.storyc.validate;

import dev.storyc.lookml.model.Timeframes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL Looker writes for a time dimension group's timeframes, close enough to fail where
 * Looker's fails: each timeframe truncates, formats or extracts from the column, which PostgreSQL
 * and Redshift refuse for a column that is not a date or time (a VARCHAR: {@code function
 * date_trunc(unknown, character varying) does not exist}), just as they refuse Looker's own query.
 * The group's {@code datatype} says how Looker reads the column first: seconds since 1970 for
 * {@code epoch}, digits for {@code yyyymmdd}.
 *
 * <p>Selecting the group's raw column alone, as storyc did, proved only that the column exists: a
 * group over a text column passed.
 */
final class Timeframe {
    /** What a timeframe does to the column; timeframes of one kind fail on the same types. */
    enum Kind {
        /** The column as it is ({@code raw}, {@code yesno}). */
        RAW,
        /** {@code DATE_TRUNC} ({@code date}, {@code week}, {@code month}, {@code time}, ...). */
        TRUNCATED,
        /** {@code TO_CHAR} ({@code day_of_week}, {@code month_name}, {@code time_of_day}). */
        FORMATTED,
        /** {@code EXTRACT} ({@code month_num}, {@code hour_of_day}, ...). */
        EXTRACTED
    }

    /** A timeframe's SQL and its kind. */
    record Written(Kind kind, String sql) {}

    private Timeframe() {}

    /** Returns the SQL of one timeframe of a group whose column is {@code sql}. */
    static String expression(String timeframe, Optional<String> datatype, String sql) {
        return written(timeframe, datatype, sql).sql();
    }

    /**
     * Returns the SQL that validates a whole group: one expression of each kind its timeframes
     * (Looker's defaults when it lists none) are of, the raw column alone only when it has no
     * other kind. Two or more are checked in one select item, so that the group stays one field of
     * the query: {@code CASE WHEN (b) IS NULL AND (c) IS NULL THEN NULL ELSE a END}.
     */
    static String group(List<String> timeframes, Optional<String> datatype, String sql) {
        Map<Kind, String> kinds = new LinkedHashMap<>();
        for (String timeframe : timeframes.isEmpty() ? Timeframes.DEFAULT_TIMEFRAMES : timeframes) {
            Written written = written(timeframe, datatype, sql);
            kinds.putIfAbsent(written.kind(), written.sql());
        }
        if (kinds.size() > 1) {
            kinds.remove(Kind.RAW);
        }
        List<String> checks = new ArrayList<>(kinds.values());
        if (checks.isEmpty()) {
            return converted(datatype, sql);
        }
        if (checks.size() == 1) {
            return checks.get(0);
        }
        List<String> others = checks.subList(1, checks.size()).stream().map(c -> "(" + c + ") IS NULL").toList();
        return "CASE WHEN " + String.join(" AND ", others) + " THEN NULL ELSE " + checks.get(0) + " END";
    }

    private static Written written(String timeframe, Optional<String> datatype, String sql) {
        String value = converted(datatype, sql);
        String grouped = timeframe.replaceFirst("^(hour|minute|millisecond)\\d+$", "$1");
        return switch (grouped) {
            case "raw", "yesno" -> new Written(Kind.RAW, value);
            // Looker's date is a DATE; a reference such as ${created_date} - 1 needs that type.
            case "date" -> new Written(Kind.TRUNCATED, "CAST(" + truncated("day", value) + " AS DATE)");
            case "time" -> new Written(Kind.TRUNCATED, truncated("second", value));
            case "week", "month", "quarter", "year", "hour", "minute", "second", "millisecond",
                    "microsecond" -> new Written(Kind.TRUNCATED, truncated(grouped, value));
            case "fiscal_year", "fiscal_quarter" -> new Written(Kind.TRUNCATED, truncated("month", value));
            case "time_of_day" -> formatted(value, "HH24:MI");
            case "day_of_week" -> formatted(value, "FMDay");
            case "month_name" -> formatted(value, "FMMonth");
            case "day_of_week_index" -> extracted("DOW", value);
            case "day_of_month" -> extracted("DAY", value);
            case "day_of_year" -> extracted("DOY", value);
            case "hour_of_day" -> extracted("HOUR", value);
            case "week_of_year" -> extracted("WEEK", value);
            case "month_num", "fiscal_month_num" -> extracted("MONTH", value);
            case "quarter_of_year", "fiscal_quarter_of_year" -> extracted("QUARTER", value);
            default -> new Written(Kind.TRUNCATED, truncated("second", value));
        };
    }

    /**
     * Returns the column as Looker reads it for a {@code datatype}, in SQL PostgreSQL and Redshift
     * share ({@code TO_TIMESTAMP} of one argument is PostgreSQL's alone).
     */
    private static String converted(Optional<String> datatype, String sql) {
        String value = "(" + sql + ")";
        return switch (datatype.orElse("timestamp")) {
            case "epoch" -> "(TIMESTAMP 'epoch' + " + value + " * INTERVAL '1 second')";
            case "yyyymmdd" -> "TO_DATE(CAST(" + value + " AS VARCHAR), 'YYYYMMDD')";
            default -> value;
        };
    }

    private static String truncated(String unit, String value) {
        return "DATE_TRUNC('" + unit + "', " + value + ")";
    }

    private static Written formatted(String value, String format) {
        return new Written(Kind.FORMATTED, "TO_CHAR(" + value + ", '" + format + "')");
    }

    private static Written extracted(String part, String value) {
        return new Written(Kind.EXTRACTED, "EXTRACT(" + part + " FROM " + value + ")");
    }
}
