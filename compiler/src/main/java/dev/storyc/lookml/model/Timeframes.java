package dev.storyc.lookml.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Timeframes turns a dimension_group into the field names Looker derives from it: for
 * {@code type: time}, {@code <group>_<timeframe>} such as {@code created_date}; for
 * {@code type: duration}, {@code <interval>s_<group>} such as {@code days_enrolled}.
 */
public final class Timeframes {
    /** What Looker derives when a time group lists no {@code timeframes}. */
    public static final List<String> DEFAULT_TIMEFRAMES = List.of(
            "raw", "time", "time_of_day", "hour", "hour_of_day", "minute", "second",
            "date", "day_of_week", "day_of_week_index", "day_of_month", "day_of_year",
            "week", "week_of_year", "month", "month_name", "month_num",
            "quarter", "quarter_of_year", "year");

    /** What Looker derives when a duration group lists no {@code intervals}. */
    public static final List<String> DEFAULT_INTERVALS =
            List.of("second", "minute", "hour", "day", "week", "month", "quarter", "year");

    /** Every timeframe a time group may list, besides the {@code hourN}, {@code minuteN} and {@code millisecondN} families. */
    public static final java.util.Set<String> KNOWN_TIMEFRAMES = java.util.Set.of(
            "raw", "time", "time_of_day", "hour", "hour_of_day", "minute", "second", "millisecond", "microsecond",
            "date", "day_of_week", "day_of_week_index", "day_of_month", "day_of_year", "week", "week_of_year",
            "month", "month_name", "month_num", "quarter", "quarter_of_year", "year", "yesno",
            "fiscal_month_num", "fiscal_quarter", "fiscal_quarter_of_year", "fiscal_year");

    private static final java.util.regex.Pattern GROUPED = java.util.regex.Pattern.compile(
            "hour(2|3|4|6|8|12)|minute(2|3|4|5|6|10|12|15|20|30)"
                    + "|millisecond(2|4|5|8|10|20|25|40|50|100|125|200|250|500)");

    private Timeframes() {}

    /** Returns true when Looker knows the timeframe ({@code duration}: the interval) by this name. */
    public static boolean isKnown(String part, boolean duration) {
        return duration ? DEFAULT_INTERVALS.contains(part)
                : KNOWN_TIMEFRAMES.contains(part) || GROUPED.matcher(part).matches();
    }

    /**
     * Returns the field names of a dimension group.
     *
     * @param type the group's {@code type}; {@code duration} selects intervals, anything else timeframes
     * @param listed the {@code timeframes} or {@code intervals} the group lists, empty for the defaults
     */
    public static List<String> expand(String name, String type, List<String> listed) {
        boolean duration = "duration".equals(type);
        List<String> parts = listed.isEmpty() ? (duration ? DEFAULT_INTERVALS : DEFAULT_TIMEFRAMES) : listed;
        List<String> names = new ArrayList<>(parts.size());
        for (String part : parts) {
            names.add(duration ? part + "s_" + name : name + "_" + part);
        }
        return List.copyOf(names);
    }
}
