package dev.storyc.phi;

import dev.storyc.check.TableName;
import java.util.List;

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
     * A statement storyc cannot follow column by column.
     *
     * @param tables the tables it reads or writes, when storyc can tell ({@code COPY t}, {@code
     *     MERGE INTO t USING s}): it can then touch no other
     * @param bounded whether {@code tables} is all it touches; false for {@code DO}, {@code
     *     EXECUTE}, a function body
     */
    public record Unread(SqlOpaque where, List<TableName> tables, boolean bounded) {
        public Unread {
            tables = List.copyOf(tables);
        }

        /** Returns a statement that may touch anything. */
        static Unread anything(SqlOpaque where) {
            return new Unread(where, List.of(), false);
        }
    }
}
