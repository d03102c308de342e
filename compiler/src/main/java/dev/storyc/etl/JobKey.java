package dev.storyc.etl;

import dev.storyc.diag.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;

/**
 * Reads a job's {@code key}: one column ({@code key = "claim_id"}) or several ({@code key =
 * ["patient_id", "measure_code"]}), each a plain SQL identifier, because storyc writes them into
 * the statements it generates.
 */
public final class JobKey {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Why a key cannot be used: a code and a sentence, for the caller to place. */
    public record Problem(Code code, String message, String hint) {}

    private JobKey() {}

    /** Returns the key's columns, or empty when the TOML value is absent or not a key. */
    public static List<String> columns(Object value) {
        List<String> columns = new ArrayList<>();
        if (value instanceof String column) {
            columns.add(column);
        } else if (value instanceof TomlArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof String column)) {
                    return List.of();
                }
                columns.add(column);
            }
        }
        return columns.stream().allMatch(c -> IDENTIFIER.matcher(c).matches())
                ? columns
                : List.of();
    }

    /**
     * Returns what is wrong with a job's key for its mode, or empty when nothing is.
     *
     * @param storycMerges whether storyc does the merge, as it does for a job whose SQL is a query;
     *     a script that deletes and inserts by itself needs no key to run
     */
    public static Optional<Problem> problem(
            String job, String mode, Object value, boolean storycMerges) {
        if (value == null) {
            return "merge".equals(mode) && storycMerges
                    ? Optional.of(
                            new Problem(
                                    Code.ETL_MERGE_WITHOUT_KEY,
                                    "merge job `"
                                            + job
                                            + "` names no key, so storyc cannot tell which target"
                                            + " rows its rows replace",
                                    "add the columns that identify a row, such as key ="
                                        + " \"claim_id\" or key = [\"patient_id\","
                                        + " \"measure_code\"]"))
                    : Optional.empty();
        }
        boolean shaped =
                value instanceof String || (value instanceof TomlArray array && array.size() > 0);
        if (!shaped) {
            return Optional.of(
                    new Problem(
                            Code.ETL_KEY_INVALID,
                            "`key` of ETL job `"
                                    + job
                                    + "` must be a column name or a non-empty list of them",
                            "write key = \"claim_id\" or key = [\"patient_id\","
                                + " \"measure_code\"]"));
        }
        if (columns(value).isEmpty()) {
            return Optional.of(
                    new Problem(
                            Code.ETL_KEY_INVALID,
                            "`key` of ETL job `"
                                    + job
                                    + "` must name columns as plain SQL identifiers",
                            "use letters, digits and underscores, starting with a letter"));
        }
        return Optional.empty();
    }
}
