package dev.storyc.phi;

import dev.storyc.check.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a query into a {@link SqlShape}: {@code WITH} (recursive too), {@code SELECT} lists,
 * {@code FROM} lists with joins, aliases, subqueries, {@code LATERAL} and set-returning
 * functions, {@code UNION}/{@code INTERSECT}/{@code EXCEPT} and {@code VALUES}. Everything after
 * the select list that only picks rows ({@code WHERE}, {@code GROUP BY}, join conditions) is
 * skipped: it decides which rows arrive, not what their columns hold.
 */
final class SqlQueryReader {
    private static final Set<String> SET_OPERATIONS = Set.of("union", "intersect", "except");
    private static final Set<String> SELECT_ENDS = Set.of("from", "into", "where", "group",
            "having", "window", "order", "limit", "offset", "fetch", "returning", "for");
    private static final Set<String> FROM_ENDS = Set.of("where", "group", "having", "window",
            "order", "limit", "offset", "fetch", "returning", "for");
    private static final Set<String> JOIN_WORDS =
            Set.of("join", "inner", "left", "right", "full", "outer", "cross", "natural");

    private final SqlTokens t;
    private final SqlColumns columns;
    private final SqlExpressions expressions;
    /** The table a top-level {@code SELECT ... INTO t} creates, when the statement has one. */
    private Optional<TableName> selectInto = Optional.empty();

    SqlQueryReader(SqlTokens tokens, SqlColumns columns) {
        this.t = tokens;
        this.columns = columns;
        this.expressions = new SqlExpressions(tokens, this);
    }

    SqlExpressions expressions() {
        return expressions;
    }

    Optional<TableName> selectInto() {
        return selectInto;
    }

    /** Reads the query [from, to) in the scope of an enclosing query (null at the top). */
    SqlShape query(int from, int to, SqlScope outer) {
        SqlScope with = new SqlScope(outer);
        return setOperation(with(from, to, with), to, with);
    }

    /**
     * Reads a {@code WITH} list at {@code from}, if there is one, defining each CTE in {@code
     * with}; returns the index after it. A statement may follow as well as a query: PostgreSQL
     * allows {@code WITH x AS (...) INSERT INTO ...}.
     */
    int with(int from, int to, SqlScope with) {
        int i = from;
        if (!t.word(i, "with")) {
            return i;
        }
        i++;
        boolean recursive = t.word(i, "recursive");
        if (recursive) {
            i++;
        }
        while (i < to && t.name(i)) {
            String name = t.identifier(i).orElseThrow();
            int nameOffset = t.get(i).offset();
            SqlTokens.NameList list = t.nameList(i + 1, to);
            List<String> names = list.names();
            i = list.next();
            while (i < to && !t.punct(i, "(")) {
                i++; // AS [NOT] MATERIALIZED
            }
            int close = t.close(i, to);
            if (recursive) {
                with.define(name, new SqlRelation.Computed(name, List.of(), List.of(
                        SqlOpaque.unbounded("the recursive CTE `" + name + "`", nameOffset))));
            }
            SqlShape shape = query(i + 1, close, with);
            with.define(name, new SqlRelation.Derived(name,
                    names.isEmpty() ? shape : shape.renamed(names)));
            i = close + 1;
            if (!t.punct(i, ",")) {
                break;
            }
            i++;
        }
        return i;
    }

    private SqlShape setOperation(int from, int to, SqlScope scope) {
        List<SqlShape> branches = new ArrayList<>();
        int start = from;
        while (true) {
            int end = t.findTop(start, to, SET_OPERATIONS);
            branches.add(term(start, end, scope));
            if (end >= to) {
                break;
            }
            start = end + 1;
            if (t.word(start, "all") || t.word(start, "distinct")) {
                start++;
            }
        }
        return branches.size() == 1 ? branches.get(0) : combined(branches, t.get(from).offset());
    }

    /** Lines the branches of a set operation up column by column, as PostgreSQL does. */
    private static SqlShape combined(List<SqlShape> branches, int offset) {
        List<SqlOpaque> opaque = new ArrayList<>();
        branches.forEach(b -> opaque.addAll(b.opaque()));
        SqlShape first = branches.get(0);
        boolean lined = branches.stream().allMatch(b -> b.stars().isEmpty()
                && b.columns().size() == first.columns().size());
        if (!lined) {
            List<SqlProduced> columns = new ArrayList<>(first.columns());
            opaque.add(SqlOpaque.unbounded("a set operation whose branches storyc cannot line"
                    + " up column by column", offset));
            return new SqlShape(columns, opaque);
        }
        List<SqlProduced> columns = new ArrayList<>();
        for (int i = 0; i < first.columns().size(); i++) {
            List<SqlItem> items = new ArrayList<>();
            for (SqlShape branch : branches) {
                items.addAll(((SqlProduced.Column) branch.columns().get(i)).items());
            }
            columns.add(new SqlProduced.Column(
                    ((SqlProduced.Column) first.columns().get(i)).name(), items));
        }
        return new SqlShape(columns, opaque);
    }

    private SqlShape term(int from, int to, SqlScope scope) {
        if (t.punct(from, "(")) {
            return query(from + 1, t.close(from, to), scope);
        }
        if (t.word(from, "select")) {
            return select(from, to, scope);
        }
        if (t.word(from, "values")) {
            return values(from + 1, to, scope);
        }
        int offset = from < t.size() ? t.get(from).offset() : t.sql().length();
        return new SqlShape(List.of(), List.of(SqlOpaque.unbounded("a query storyc cannot read",
                offset)));
    }

    private SqlShape select(int from, int to, SqlScope outer) {
        int i = from + 1;
        if (t.word(i, "distinct")) {
            i++;
            if (t.word(i, "on") && t.punct(i + 1, "(")) {
                i = t.close(i + 1, to) + 1;
            }
        } else if (t.word(i, "all")) {
            i++;
        }
        // `a IS [NOT] DISTINCT FROM b` is an expression, not the start of the FROM list.
        int listEnd = t.findTop(i, to, k -> t.wordIn(k, SELECT_ENDS)
                && !(t.word(k, "from") && t.word(k - 1, "distinct")));
        SqlScope scope = new SqlScope(outer);
        int j = listEnd;
        if (t.word(j, "into")) {
            j++;
            while (t.word(j, "temp") || t.word(j, "temporary") || t.word(j, "unlogged")
                    || t.word(j, "table")) {
                j++;
            }
            int nameStart = j;
            j = SqlFlowAnalysis.nameEnd(t, j);
            if (outer != null && outer.parent() == null) {
                selectInto = TableName.parse(t.text(nameStart, j));
            }
            j = t.findTop(j, to, SELECT_ENDS);
        }
        if (t.word(j, "from")) {
            from(j + 1, t.findTop(j + 1, to, FROM_ENDS), scope);
        }
        List<SqlProduced> produced = new ArrayList<>();
        for (int[] range : t.splitTop(i, listEnd)) {
            produced.add(item(range[0], range[1], scope));
        }
        return new SqlShape(produced, List.of());
    }

    private SqlShape values(int from, int to, SqlScope scope) {
        List<List<SqlItem>> byColumn = new ArrayList<>();
        for (int[] row : t.splitTop(from, to)) {
            if (!t.punct(row[0], "(")) {
                continue;
            }
            List<int[]> values = t.splitTop(row[0] + 1, t.close(row[0], row[1]));
            for (int k = 0; k < values.size(); k++) {
                if (byColumn.size() <= k) {
                    byColumn.add(new ArrayList<>());
                }
                int[] v = values.get(k);
                SqlFlow flow = expressions.read(v[0], v[1], scope, Optional.empty());
                boolean single = SqlItemNames.isReference(t, v[0], v[1]);
                // A VALUES value cannot carry an alias: marked aliased so no rewrite adds one.
                byColumn.get(k).add(new SqlItem(t.get(v[0]).offset(), t.get(v[1] - 1).end(),
                        Optional.of("column" + (k + 1)), true, single ? flow.reads()
                                : flow.reads().stream().map(SqlColumnRead::changed).toList(),
                        flow.opaque()));
            }
        }
        List<SqlProduced> columns = new ArrayList<>();
        for (int k = 0; k < byColumn.size(); k++) {
            columns.add(new SqlProduced.Column(Optional.of("column" + (k + 1)), byColumn.get(k)));
        }
        return new SqlShape(columns, List.of());
    }

    /** Reads one select item: a star, or an expression with the name it gives its column. */
    private SqlProduced item(int from, int to, SqlScope scope) {
        int offset = t.get(from).offset();
        if (t.punct(to - 1, "*") && (to - from == 1 || t.punct(to - 2, "."))) {
            List<SqlRelation> relations = scope.relations();
            if (to - from > 1) {
                List<String> qualifier = new ArrayList<>();
                for (int k = from; k < to - 2; k += 2) {
                    qualifier.add(t.identifier(k).orElse(""));
                }
                relations = scope.relation(qualifier).map(List::of).orElse(List.of());
            }
            return new SqlProduced.Star(offset, t.text(from, to), relations);
        }
        SqlItemNames.Named named = SqlItemNames.name(t, from, to);
        Optional<String> bare = named.aliased() ? Optional.empty() : named.name();
        boolean single = SqlItemNames.isReference(t, from, named.exprEnd());
        SqlFlow flow = expressions.read(from, named.exprEnd(), scope,
                single ? bare : Optional.empty());
        List<SqlColumnRead> reads = single ? flow.reads()
                : flow.reads().stream().map(SqlColumnRead::changed).toList();
        return new SqlProduced.Column(named.name(), List.of(new SqlItem(offset,
                t.get(named.exprEnd() - 1).end(), named.name(), named.aliased(), reads,
                flow.opaque())));
    }

    /** Reads a FROM list [from, to) into the scope's relations. */
    void from(int from, int to, SqlScope scope) {
        int i = from;
        boolean lateral = false;
        while (i < to) {
            if (t.punct(i, ",") || joinWord(i)) {
                i++;
            } else if (t.word(i, "lateral")) {
                lateral = true;
                i++;
            } else if (t.word(i, "on")) {
                i = conditionEnd(i + 1, to);
            } else if (t.word(i, "using") && t.punct(i + 1, "(")) {
                i = t.close(i + 1, to) + 1;
            } else {
                i = relation(i, to, scope, lateral);
                lateral = false;
            }
        }
    }

    /** Returns true for a join keyword; {@code LEFT(x, 3)} and {@code RIGHT(...)} are calls. */
    private boolean joinWord(int i) {
        return t.wordIn(i, JOIN_WORDS)
                && !((t.word(i, "left") || t.word(i, "right")) && t.punct(i + 1, "("));
    }

    /** Returns where a join condition starting at {@code i} ends. */
    private int conditionEnd(int i, int to) {
        return t.findTop(i, to, k -> t.punct(k, ",") || joinWord(k) || t.word(k, "lateral"));
    }

    private int relation(int i, int to, SqlScope scope, boolean lateral) {
        SqlRelationReader reader = new SqlRelationReader(t, columns, this);
        return reader.read(i, to, scope, lateral);
    }
}
