package dev.storyc.phi;

import java.util.List;
import java.util.Objects;

/**
 * A SqlOpaque is a place in SQL that storyc cannot see through: a {@code SELECT *} or {@code t.*}
 * whose columns it cannot rewrite one by one, a function it does not know, a relation it cannot
 * name, dynamic SQL, a {@code COPY}. A protected column behind it is an error at this place, never
 * a silent pass.
 *
 * @param what what is there, for a message: {@code `SELECT *`}, {@code function `decrypt()`}
 * @param offset where it starts in the SQL text
 * @param behind the table columns known to flow through it: a function's arguments, the columns a
 *     star expands to when the schema scripts list them
 * @param unbounded whether anything at all may flow through it, beyond {@code behind}: dynamic
 *     SQL, a relation storyc cannot name
 */
public record SqlOpaque(String what, int offset, List<SqlColumnRead> behind, boolean unbounded) {
    public SqlOpaque {
        Objects.requireNonNull(what, "what");
        behind = List.copyOf(behind);
    }

    /** Returns a place through which anything may flow. */
    static SqlOpaque unbounded(String what, int offset) {
        return new SqlOpaque(what, offset, List.of(), true);
    }
}
