package dev.storyc.etl;

import dev.storyc.diag.Position;
import java.util.List;

/**
 * One thing a job's run does inside its transaction. The SQL of every step is decided here, in the
 * pure core; the runner at the database edge executes them in order and stops at the first failure,
 * rolling the whole job back.
 */
public sealed interface RunStep {
    /**
     * A statement of the job's own script, run as written. Its rows count as the job's rows when it
     * is an {@code INSERT}, {@code UPDATE}, {@code MERGE} or writing {@code WITH}.
     */
    record ScriptStatement(SqlStatement statement) implements RunStep {
        /** Returns the SQL to send. */
        public String sql() {
            return statement.text();
        }

        /** Returns true when the statement's row count is rows the job loaded. */
        public boolean countsRows() {
            return switch (statement.firstWord()) {
                case "INSERT", "UPDATE", "MERGE", "WITH" -> true;
                default -> false;
            };
        }
    }

    /**
     * The job's query, materialised into a temporary table that the later steps read. The query's
     * text follows {@code prefix}, so a server's error position maps back to the file.
     */
    record StageQuery(SqlStatement query, String prefix) implements RunStep {
        /** Returns the SQL to send. */
        public String sql() {
            return prefix + query.text();
        }

        /** Returns where a 1-based offset into {@link #sql()} is in the job's SQL file. */
        public Position positionOf(int offset) {
            return query.positionOf(Math.max(1, offset - prefix.length()));
        }
    }

    /** Statement storyc writes around the job (emptying, deleting matched keys, dropping). */
    record Generated(String sql, String purpose) implements RunStep {}

    /**
     * Copies the staged rows into the target by column name. The column list is known only once the
     * stage exists, so the runner asks the stage for it and calls {@link #sql(List)}.
     */
    record InsertFromStage(String target, String stage) implements RunStep {
        /** Returns the INSERT for the stage's columns. */
        public String sql(List<String> columns) {
            String list = String.join(", ", columns);
            return "INSERT INTO " + target + " (" + list + ")\nSELECT " + list + " FROM " + stage;
        }

        /** Returns the query whose result's columns are the stage's. */
        public String columnsQuery() {
            return "SELECT * FROM " + stage + " WHERE 1 = 0";
        }
    }

    /**
     * A query that returns up to ten key values occurring more than once in {@code relation}; any
     * row fails the job with {@code ETL_KEY_NOT_UNIQUE}.
     */
    record UniqueKey(String relation, List<String> key, String sql) implements RunStep {
        public UniqueKey {
            key = List.copyOf(key);
        }
    }
}
