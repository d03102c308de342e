package dev.storyc.phi;

import dev.storyc.check.TableName;
import java.util.List;
import java.util.Optional;

/**
 * The column flow of a whole SQL script: every statement that stores a query's result, and every
 * statement storyc cannot read at all ({@code COPY}, {@code EXECUTE}, {@code DO}, a function
 * body, a statement it does not know that holds a query).
 */
public record SqlScriptFlow(List<SqlWrite> writes, List<Unread> unread) {
    public SqlScriptFlow {
        writes = List.copyOf(writes);
        unread = List.copyOf(unread);
    }

    /**
     * A statement storyc cannot follow, and the table it names when it names one ({@code COPY t}).
     */
    public record Unread(SqlOpaque where, Optional<TableName> table) {}
}
