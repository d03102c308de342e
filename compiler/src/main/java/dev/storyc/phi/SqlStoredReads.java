package dev.storyc.phi;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The protected columns whose values SQL stores, as the audit report names its readers: every
 * column a stored column is computed from, through aliases, CTEs, subqueries, stars and functions
 * storyc does not know. The rewrite treats or refuses each of these; the report lists them
 * whatever the environment's treatment, production's included.
 */
final class SqlStoredReads {
    private SqlStoredReads() {}

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
