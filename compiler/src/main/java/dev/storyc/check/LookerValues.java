package dev.storyc.check;

import dev.storyc.diag.Spelling;
import dev.storyc.lookml.model.FieldKind;
import dev.storyc.lookml.model.Timeframes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * LookerValues is the catalogue of LookML keys whose values Looker fixes, each with every value
 * Looker's documentation gives it, legacy values included: a value Looker has dropped may still be
 * accepted by the instance a project deploys to, and an alarm on valid LookML costs more trust than
 * a missed typo. The lists were run over the 468 {@code .lkml} files of a corpus of real LookML
 * ({@code CorpusClosedValuesTest}), which use no value outside them.
 */
final class LookerValues {
    private LookerValues() {}

    /**
     * One key's closed set of values.
     *
     * @param what the key as a sentence names it, such as "a join's `type`"
     * @param values the values Looker documents
     * @param dateTypes whether {@code date_<timeframe>} is accepted too: the individual time and
     *     date types ({@code type: date_week}), a rarely used alternative to a dimension group
     */
    record Closed(String what, List<String> values, boolean dateTypes) {
        Closed {
            values = List.copyOf(values);
        }

        /** Returns true when Looker accepts {@code value}; names are case-sensitive, as Looker's are. */
        boolean accepts(String value) {
            return values.contains(value)
                    || dateTypes
                            && value.startsWith(DATE_PREFIX)
                            && Timeframes.isKnown(value.substring(DATE_PREFIX.length()), false);
        }

        /** Returns "did you mean" for a value Looker lacks, else the values it has. */
        String hint(String value) {
            List<String> candidates = new ArrayList<>(values);
            if (dateTypes) {
                Timeframes.KNOWN_TIMEFRAMES.forEach(t -> candidates.add(DATE_PREFIX + t));
            }
            return Spelling.didYouMean(value, candidates)
                    .orElse(
                            what
                                    + " is one of "
                                    + values.stream()
                                            .map(v -> "`" + v + "`")
                                            .collect(Collectors.joining(", "))
                                    + (dateTypes ? ", or `date_<timeframe>`" : ""));
        }
    }

    private static final String DATE_PREFIX = "date_";

    static final Closed JOIN_TYPE =
            new Closed("a join's `type`", List.of("left_outer", "full_outer", "inner", "cross"), false);

    static final Closed RELATIONSHIP =
            new Closed(
                    "a join's `relationship`",
                    List.of("many_to_one", "one_to_one", "one_to_many", "many_to_many"),
                    false);

    /** How the database holds a time, for any field that reads one. */
    static final Closed DATATYPE =
            new Closed(
                    "`datatype`",
                    List.of("epoch", "timestamp", "datetime", "date", "yyyymmdd"),
                    false);

    static final Closed DIMENSION_GROUP_TYPE =
            new Closed("a dimension group's `type`", List.of("time", "duration"), false);

    /**
     * The types of dimensions, filters and parameters, one list for the three as Looker documents
     * them on one page: a type valid for only one of them ({@code unquoted} for parameters) is
     * not a typo, and Looker's own message says which field may have it. {@code int} is the
     * legacy name of {@code number}; {@code time} and {@code duration} are a dimension group's.
     */
    static final Closed FIELD_TYPE =
            new Closed(
                    "the `type` of a dimension, filter or parameter",
                    List.of(
                            "string", "number", "yesno", "date", "date_time", "tier", "bin",
                            "location", "distance", "zipcode", "unquoted", "time", "duration",
                            "int"),
                    true);

    /** The measure types, {@code int} (the legacy name of {@code number}) included. */
    static final Closed MEASURE_TYPE =
            new Closed(
                    "a measure's `type`",
                    List.of(
                            "count", "count_distinct", "sum", "sum_distinct", "average",
                            "average_distinct", "min", "max", "median", "median_distinct",
                            "percentile", "percentile_distinct", "list", "number", "string",
                            "yesno", "date", "running_total", "percent_of_total",
                            "percent_of_previous", "period_over_period", "int"),
                    false);

    /** Returns the closed set of a field's {@code type}. */
    static Closed fieldType(FieldKind kind) {
        return switch (kind) {
            case DIMENSION, FILTER, PARAMETER -> FIELD_TYPE;
            case DIMENSION_GROUP -> DIMENSION_GROUP_TYPE;
            case MEASURE -> MEASURE_TYPE;
        };
    }
}
