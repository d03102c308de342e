package dev.storyc.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fields validated in one query: every field selected side by side over the same FROM clause, with
 * {@code LIMIT 0}, so the database plans the query (resolving every name and type) and returns
 * nothing. Dimensions and measures never share a batch: an aggregate beside a plain column would
 * need a GROUP BY, which is not what either field's SQL says.
 */
public record Batch(String label, QueryParts.From from, List<QueryParts.FieldQuery> fields) {
    public Batch {
        fields = List.copyOf(fields);
    }

    /** Where each part of the rendered text came from, for reading a server's error position. */
    public sealed interface Region {
        int start();

        int end();

        /** A selected field, by its index in {@link #fields()}. */
        record Field(int start, int end, int index) implements Region {}

        /** A join's table and ON clause, whose {@code sql_on} text starts at {@code onStart}. */
        record Join(int start, int end, String alias, int onStart) implements Region {}

        /** The base view's table. */
        record Table(int start, int end) implements Region {}
    }

    /** The query's text and its regions. */
    public record Rendered(String sql, List<Region> regions) {
        /** Returns the region a 1-based character position falls in, if any. */
        public java.util.Optional<Region> regionAt(int position) {
            int offset = position - 1;
            return regions.stream()
                    .filter(r -> offset >= r.start() && offset < r.end())
                    .findFirst();
        }
    }

    /** Returns the query. */
    public Rendered render() {
        StringBuilder sql = new StringBuilder("SELECT");
        List<Region> regions = new ArrayList<>();
        if (fields.isEmpty()) {
            sql.append(" 1");
        }
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i == 0 ? "\n  " : ",\n  ");
            int start = sql.length();
            sql.append(fields.get(i).sql());
            regions.add(new Region.Field(start, sql.length(), i));
            sql.append(" AS f").append(i);
        }
        sql.append("\nFROM ");
        int tableStart = sql.length();
        sql.append(from.table()).append(" AS ").append(from.alias());
        regions.add(new Region.Table(tableStart, sql.length()));
        for (QueryParts.Join join : from.joins()) {
            sql.append('\n');
            int start = sql.length();
            sql.append(join.keyword())
                    .append(' ')
                    .append(join.table())
                    .append(" AS ")
                    .append(join.alias());
            int onStart = sql.length();
            if (!join.on().isEmpty()) {
                sql.append(" ON ");
                onStart = sql.length();
                sql.append(join.on());
            }
            regions.add(new Region.Join(start, sql.length(), join.alias(), onStart));
        }
        sql.append("\nLIMIT 0");
        return new Rendered(sql.toString(), List.copyOf(regions));
    }

    /** Returns this batch without one field. */
    public Batch withoutField(int index) {
        List<QueryParts.FieldQuery> rest = new ArrayList<>(fields);
        rest.remove(index);
        return new Batch(label, from, rest);
    }

    /** Returns this batch's fields from {@code from} (inclusive) to {@code to} (exclusive). */
    public Batch slice(int start, int end) {
        return new Batch(label, from, fields.subList(start, end));
    }

    /**
     * Returns this batch without a join, the joins that read it, and the fields that need any of
     * them; {@code dropped} receives the fields left out.
     */
    public Batch withoutJoin(String alias, List<QueryParts.FieldQuery> dropped) {
        Set<String> gone = new HashSet<>(Set.of(alias));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (QueryParts.Join join : from.joins()) {
                if (!gone.contains(join.alias())
                        && join.needs().stream().anyMatch(gone::contains)) {
                    gone.add(join.alias());
                    grew = true;
                }
            }
        }
        List<QueryParts.Join> joins =
                from.joins().stream().filter(j -> !gone.contains(j.alias())).toList();
        List<QueryParts.FieldQuery> kept = new ArrayList<>();
        for (QueryParts.FieldQuery field : fields) {
            if (field.needs().stream().anyMatch(gone::contains)) {
                dropped.add(field);
            } else {
                kept.add(field);
            }
        }
        return new Batch(label, from.withJoins(joins), kept);
    }
}
