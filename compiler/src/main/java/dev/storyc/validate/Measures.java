package dev.storyc.validate;

import java.util.Optional;

/**
 * The aggregate Looker writes for each measure type, in SQL that PostgreSQL and Redshift share.
 * Measure {@code filters} are left out: they only narrow the rows an aggregate sees, and the
 * filtered dimensions are validated as fields of their own.
 */
final class Measures {
    private Measures() {}

    /**
     * Returns the SQL of a measure of {@code type} over {@code sql}, or empty for a type left out.
     */
    static Optional<String> aggregate(String type, String sql) {
        String value = "(" + (sql.isBlank() ? "NULL" : sql) + ")";
        return Optional.ofNullable(
                switch (type) {
                    case "count" -> sql.isBlank() ? "COUNT(*)" : "COUNT(" + value + ")";
                    case "count_distinct" -> "COUNT(DISTINCT " + value + ")";
                    case "sum", "sum_distinct" -> "SUM(" + value + ")";
                    case "average", "average_distinct" -> "AVG(" + value + ")";
                    case "min" -> "MIN(" + value + ")";
                    case "max" -> "MAX(" + value + ")";
                    case "median", "median_distinct", "percentile", "percentile_distinct" ->
                            "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + value + ")";
                    case "number", "string", "date", "yesno", "int" -> sql.isBlank() ? "NULL" : sql;
                    default -> null;
                });
    }
}
