package dev.storyc.phi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The protected columns whose values SQL stores, as the audit report names its readers: every
 * column a statement's stored columns are computed from, through aliases, CTEs, subqueries, stars
 * and functions storyc does not know. The rewrite treats or refuses each of these; the report
 * lists them whatever the environment's treatment, production's included.
 */
final class SqlStoredReads {
    private SqlStoredReads() {}

    /** Returns the protected columns every statement of {@code sql} stores values from. */
    static Set<ProtectedColumn> ofScript(String sql, SqlColumns tables,
            Classification classification) {
        Set<ProtectedColumn> found = new LinkedHashSet<>();
        for (SqlWrite write : SqlFlowAnalysis.ofScript(sql, tables).writes()) {
            SqlFlow flow = new SqlFlow(List.of(), write.shape().opaque());
            for (SqlProduced produced : write.shape().columns()) {
                flow = flow.and(produced instanceof SqlProduced.Column column
                        ? new SqlFlow(column.reads(), column.opaque())
                        : SqlScope.expand(((SqlProduced.Star) produced).relations(),
                                new SqlScope.Reference(0, 0, Optional.empty())));
            }
            found.addAll(protectedIn(flow, classification));
        }
        return found;
    }

    /** Returns the protected columns {@code flow} reads, also those behind what it cannot see. */
    static Set<ProtectedColumn> protectedIn(SqlFlow flow, Classification classification) {
        Set<ProtectedColumn> found = new LinkedHashSet<>();
        Stream.concat(flow.reads().stream(), flow.opaque().stream()
                        .flatMap(o -> o.behind().stream()))
                .forEach(read -> classification.classOf(read.table().table(), read.column())
                        .ifPresent(found::add));
        return found;
    }
}
