package dev.storyc.validate;

import dev.storyc.diag.Position;
import java.util.List;
import java.util.Set;

/** The pieces a validation query is assembled from; each knows where its LookML is. */
public final class QueryParts {
    private QueryParts() {}

    /**
     * A field's SQL as a query selects it.
     *
     * @param needs the aliases the SQL reads; a field is dropped with the join it needs
     * @param at the field's {@code sql} in its LookML file, or its name when it has none
     * @param own where the field's own {@code sql:} text is in {@code sql}
     */
    public record FieldQuery(
            String alias,
            String view,
            String field,
            boolean measure,
            String sql,
            Set<String> needs,
            Position at,
            OwnSql own) {
        public FieldQuery {
            needs = Set.copyOf(needs);
        }

        /** A field whose sent SQL has none of its own text to point into. */
        public FieldQuery(String alias, String view, String field, boolean measure, String sql, Set<String> needs,
                Position at) {
            this(alias, view, field, measure, sql, needs, at, OwnSql.NONE);
        }

        /** Returns where a 0-based offset of {@link #sql} is in the LookML file: its own text's place, else {@link #at}. */
        public Position at(int offset) {
            return offset < 0 ? at : own.positionOf(offset, at).orElse(at);
        }

        /** Returns {@code alias.field}, as Looker names a field in an explore. */
        public String qualifiedName() {
            return alias + "." + field;
        }
    }

    /**
     * One join of an explore.
     *
     * @param on the {@code sql_on} with references substituted; empty for a cross join
     * @param needs the other aliases the join reads
     * @param at the {@code sql_on}, or the join's name when it has none
     * @param own where the {@code sql_on}'s own text is in {@code on}
     */
    public record Join(
            String alias,
            String view,
            String keyword,
            String table,
            String on,
            Set<String> needs,
            Position at,
            OwnSql own) {
        public Join {
            needs = Set.copyOf(needs);
        }

        /** Returns where a 0-based offset of {@link #on} is in the LookML file: its own text's place, else {@link #at}. */
        public Position at(int offset) {
            return offset < 0 ? at : own.positionOf(offset, at).orElse(at);
        }
    }

    /**
     * The FROM clause: the base view's table under its alias, then the joins in order.
     *
     * @param tableAt the view's {@code sql_table_name} or derived table's {@code sql}, else the view
     * @param tableOwn where that text is in {@code table}
     * @param derived whether {@code table} is a derived table's SQL, which has no table to deploy
     */
    public record From(
            String explore,
            String alias,
            String view,
            String table,
            Position tableAt,
            OwnSql tableOwn,
            boolean derived,
            List<Join> joins) {
        public From {
            joins = List.copyOf(joins);
        }

        /** Returns where a 0-based offset of {@link #table} is in the LookML file, else {@link #tableAt}. */
        public Position tableAt(int offset) {
            return offset < 0 ? tableAt : tableOwn.positionOf(offset, tableAt).orElse(tableAt);
        }

        /** Returns this clause with other joins. */
        public From withJoins(List<Join> others) {
            return new From(explore, alias, view, table, tableAt, tableOwn, derived, others);
        }
    }
}
