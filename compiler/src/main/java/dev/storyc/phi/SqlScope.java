package dev.storyc.phi;

import dev.storyc.check.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names one level of a query can see: the relations of its {@code FROM} list, the CTEs of its
 * {@code WITH}, and, through {@code parent}, everything an enclosing query can see (a correlated
 * subquery reads its outer query's tables). It answers one question: which table columns does a
 * column reference read?
 */
final class SqlScope {
    private final SqlScope parent;
    private final Map<String, SqlRelation> ctes = new HashMap<>();
    private final List<SqlRelation> relations = new ArrayList<>();

    SqlScope(SqlScope parent) {
        this.parent = parent;
    }

    SqlScope parent() {
        return parent;
    }

    List<SqlRelation> relations() {
        return List.copyOf(relations);
    }

    void add(SqlRelation relation) {
        relations.add(relation);
    }

    void define(String name, SqlRelation cte) {
        ctes.put(name, cte);
    }

    /** Returns the CTE a one-part name means here, if any. */
    Optional<SqlRelation> cte(String name) {
        for (SqlScope s = this; s != null; s = s.parent) {
            SqlRelation found = s.ctes.get(name);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** Returns the relation {@code qualifier} names: an alias, or a table's (schema.)name. */
    Optional<SqlRelation> relation(List<String> qualifier) {
        for (SqlScope s = this; s != null; s = s.parent) {
            for (SqlRelation relation : s.relations) {
                if (qualifier.size() == 1 && relation.alias().equals(qualifier.get(0))) {
                    return Optional.of(relation);
                }
                if (relation instanceof SqlRelation.Table table && qualifier.size() > 1
                        && new TableName(qualifier, "").refersTo(table.name())) {
                    return Optional.of(relation);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Returns what the reference {@code parts} (such as {@code p.mrn} or {@code mrn}) at [start,
     * end) reads. An unqualified name is looked for level by level, in the relations that have
     * it, else in those that may (a table whose columns are unknown, a {@code *}).
     */
    SqlFlow resolve(List<String> parts, int start, int end, Optional<String> bareName) {
        String column = parts.get(parts.size() - 1);
        Reference reference = new Reference(start, end, bareName);
        if (parts.size() > 1) {
            List<String> qualifier = parts.subList(0, parts.size() - 1);
            Optional<SqlRelation> relation = relation(qualifier);
            if (relation.isEmpty()) {
                return SqlFlow.of(SqlOpaque.unbounded("`" + String.join(".", parts)
                        + "`, whose `" + String.join(".", qualifier)
                        + "` names no table of the query", start));
            }
            return through(relation.get(), column, reference);
        }
        for (SqlScope s = this; s != null; s = s.parent) {
            List<SqlRelation> sure = new ArrayList<>();
            List<SqlRelation> maybe = new ArrayList<>();
            for (SqlRelation relation : s.relations) {
                Has has = has(relation, column);
                if (has == Has.YES) {
                    sure.add(relation);
                } else if (has == Has.MAYBE) {
                    maybe.add(relation);
                }
            }
            List<SqlRelation> found = sure.isEmpty() ? maybe : sure;
            if (!found.isEmpty()) {
                SqlFlow flow = SqlFlow.EMPTY;
                for (SqlRelation relation : found) {
                    flow = flow.and(through(relation, column, reference));
                }
                return flow;
            }
            for (SqlRelation relation : s.relations) {
                if (relation.alias().equals(column)) {
                    // A name no column of the scope has, but a table's: PostgreSQL reads it as the
                    // table's whole row (`CAST(p AS text)`, `row_to_json(p)`), as it reads `p.*`.
                    // Read as a column, it copied a protected column raw (round 18).
                    SqlFlow expanded = expand(List.of(relation), reference);
                    return new SqlFlow(List.of(), expanded.opaque()).and(SqlFlow.of(
                            new SqlOpaque("the whole row `" + column + ".*`", start, expanded.reads(), false)));
                }
            }
        }
        return SqlFlow.EMPTY;
    }

    private enum Has { YES, MAYBE, NO }

    private static Has has(SqlRelation relation, String column) {
        if (relation instanceof SqlRelation.Table t) {
            return t.columns().map(c -> c.contains(column) ? Has.YES : Has.NO).orElse(Has.MAYBE);
        }
        if (relation instanceof SqlRelation.Derived d) {
            return d.shape().column(column).isPresent() ? Has.YES
                    : d.shape().stars().isEmpty() ? Has.NO : Has.MAYBE;
        }
        return Has.MAYBE;
    }

    /** Where a reference is in the text, so that a read through a star can be wrapped there. */
    record Reference(int start, int end, Optional<String> bareName) {}

    /** Returns what reading {@code column} of {@code relation} reads. */
    static SqlFlow through(SqlRelation relation, String column, Reference reference) {
        if (relation instanceof SqlRelation.Table t) {
            return SqlFlow.of(new SqlColumnRead(t.name(), t.ownColumn(column),
                    reference.start(), reference.end(), reference.bareName(), true));
        }
        if (relation instanceof SqlRelation.Derived d) {
            return throughShape(d.shape(), column, reference);
        }
        SqlRelation.Computed c = (SqlRelation.Computed) relation;
        return new SqlFlow(c.reads(), c.opaque());
    }

    private static SqlFlow throughShape(SqlShape shape, String column, Reference reference) {
        SqlFlow flow = new SqlFlow(List.of(), shape.opaque());
        Optional<SqlProduced.Column> named = shape.column(column);
        if (named.isPresent()) {
            return flow.and(new SqlFlow(named.get().reads(), named.get().opaque()));
        }
        for (SqlProduced.Star star : shape.stars()) {
            for (SqlRelation relation : star.relations()) {
                if (has(relation, column) != Has.NO) {
                    flow = flow.and(through(relation, column, reference));
                }
            }
        }
        return flow;
    }

    /**
     * Returns every column a star over these relations expands to, as far as it is known: a
     * table's columns from the schema scripts, a subquery's select list.
     */
    static SqlFlow expand(List<SqlRelation> relations, Reference reference) {
        SqlFlow flow = SqlFlow.EMPTY;
        for (SqlRelation relation : relations) {
            if (relation instanceof SqlRelation.Table t) {
                for (String column : t.columns().map(c -> c.stream().sorted().toList())
                        .orElse(List.of())) {
                    flow = flow.and(through(t, column, reference));
                }
            } else if (relation instanceof SqlRelation.Derived d) {
                flow = flow.and(new SqlFlow(List.of(), d.shape().opaque()));
                for (SqlProduced produced : d.shape().columns()) {
                    flow = flow.and(produced instanceof SqlProduced.Column c
                            ? new SqlFlow(c.reads(), c.opaque())
                            : expand(((SqlProduced.Star) produced).relations(), reference));
                }
            } else {
                SqlRelation.Computed c = (SqlRelation.Computed) relation;
                flow = flow.and(new SqlFlow(c.reads(), c.opaque()));
            }
        }
        return flow;
    }
}
