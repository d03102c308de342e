package dev.storyc.phi;

import java.util.List;
import java.util.Optional;

/**
 * A SqlItem is one select item (or one value of a {@code VALUES} row, or the right side of an
 * {@code UPDATE ... SET}): where its expression is in the text, the name it gives its column, and
 * every table column and opaque place its value depends on.
 *
 * @param start where the expression starts in the SQL text
 * @param end where the expression ends (exclusive), before any alias
 * @param name the column name it produces: its alias, the column it names, or the function it
 *     calls, as PostgreSQL names it; empty when PostgreSQL would call it {@code ?column?}
 * @param aliased whether the item names its column itself ({@code AS x} or a bare alias), so that
 *     wrapping the expression keeps the name
 * @param reads the table columns the value is computed from, through aliases, CTEs, subqueries and
 *     expressions
 * @param opaque the places in the expression storyc cannot see through
 */
public record SqlItem(int start, int end, Optional<String> name, boolean aliased,
        List<SqlColumnRead> reads, List<SqlOpaque> opaque) {
    public SqlItem {
        reads = reads.stream().distinct().toList();
        opaque = opaque.stream().distinct().toList();
    }
}
