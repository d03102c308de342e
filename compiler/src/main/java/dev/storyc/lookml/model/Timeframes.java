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

    private Timeframes() {}

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
