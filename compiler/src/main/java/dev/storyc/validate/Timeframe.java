package dev.storyc.validate;

/**
 * The SQL Looker writes for a dimension group's timeframe, close enough to prove that the column
 * exists and has a date or time type: the timeframes truncate or cast, which fails on a column of
 * another type just as Looker's own SQL would.
 */
final class Timeframe {
    private Timeframe() {}

    static String expression(String timeframe, String sql) {
        String value = "(" + sql + ")";
        return switch (timeframe) {
            case "date" -> "CAST(" + value + " AS DATE)";
            case "week", "month", "quarter", "year", "hour", "minute" ->
                    "DATE_TRUNC('" + timeframe + "', " + value + ")";
            case "raw", "time" -> sql;
            default -> "DATE_TRUNC('second', " + value + ")";
        };
    }
}
