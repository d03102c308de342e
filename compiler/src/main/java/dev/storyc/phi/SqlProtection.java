package dev.storyc.phi;

import dev.storyc.diag.Code;
import java.util.List;
import java.util.Objects;

/**
 * The SQL half of the phi stage: ETL scripts and derived tables that select protected columns
 * into other tables. {@link PhiStage} hands it each piece of SQL an output holds, once to rewrite
 * (so the warehouse is loaded with treated values) and once, after the rewrite, to prove that
 * nothing raw is left. Its implementation lives beside the SQL analysis it needs; until one is
 * given, {@link #NONE} rewrites nothing and finds nothing, and the LookML half still runs.
 */
public interface SqlProtection {
    /** Where a piece of SQL stands in the output. */
    enum Place {
        /** An ETL job's script, {@code etl/*.sql}: the whole file. */
        ETL_SCRIPT,
        /**
         * A schema change's deploy or revert script: the whole file, whose views and {@code CREATE
         * TABLE AS} can copy a protected column as surely as an ETL job.
         */
        SCHEMA_SCRIPT,
        /** The {@code sql:} of a view's {@code derived_table}: a query Looker materialises. */
        DERIVED_TABLE
    }

    /**
     * One piece of SQL.
     *
     * @param path the template path of the file that holds it
     * @param sql the SQL, rendered (and, for the proof, rewritten)
     * @param offset where {@code sql} starts in the file's text
     */
    record Source(String path, Place place, String sql, int offset) {
        public Source {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(sql, "sql");
        }
    }

    /**
     * A raw read, or SQL that cannot be rewritten safely, found in a {@link Source}.
     *
     * @param offset where it starts in {@link Source#sql()}
     * @param code one of the SQL half's codes (E1130-E1159) or {@link Code#PHI_RAW_USE}
     */
    record Use(int offset, String token, ProtectedColumn column, Code code, String message,
            String hint) {
        public Use {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(code, "code");
        }
    }

    /** Returns the SQL with the policy applied, line for line (the SQL itself if none applies). */
    String rewrite(Source source, Classification classification, PhiPolicy policy);

    /** Returns every place where {@code source} lets a protected value through. */
    List<Use> uses(Source source, Classification classification, PhiPolicy policy);

    /** Rewrites nothing and finds nothing: the seam before the SQL half is plugged in. */
    SqlProtection NONE = new SqlProtection() {
        @Override
        public String rewrite(Source source, Classification classification, PhiPolicy policy) {
            return source.sql();
        }

        @Override
        public List<Use> uses(Source source, Classification classification, PhiPolicy policy) {
            return List.of();
        }
    };
}
