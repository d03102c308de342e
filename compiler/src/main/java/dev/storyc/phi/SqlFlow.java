package dev.storyc.phi;

import java.util.ArrayList;
import java.util.List;

/** What an expression reads: table columns, and places storyc cannot see through. */
record SqlFlow(List<SqlColumnRead> reads, List<SqlOpaque> opaque) {
    static final SqlFlow EMPTY = new SqlFlow(List.of(), List.of());

    SqlFlow {
        reads = List.copyOf(reads);
        opaque = List.copyOf(opaque);
    }

    static SqlFlow of(SqlColumnRead read) {
        return new SqlFlow(List.of(read), List.of());
    }

    static SqlFlow of(SqlOpaque opaque) {
        return new SqlFlow(List.of(), List.of(opaque));
    }

    SqlFlow and(SqlFlow other) {
        if (other.reads.isEmpty() && other.opaque.isEmpty()) {
            return this;
        }
        List<SqlColumnRead> r = new ArrayList<>(reads);
        r.addAll(other.reads);
        List<SqlOpaque> o = new ArrayList<>(opaque);
        o.addAll(other.opaque);
        return new SqlFlow(r, o);
    }
}
