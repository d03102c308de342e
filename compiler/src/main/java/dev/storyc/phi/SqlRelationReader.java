package dev.storyc.phi;

import dev.storyc.check.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one item of a FROM list: a table, a CTE, a subquery, a parenthesised join, a
 * set-returning function or a LookML {@code ${view.SQL_TABLE_NAME}}, then its alias and column
 * aliases, and adds it to the scope.
 */
final class SqlRelationReader {
    private final SqlTokens t;
    private final SqlColumns columns;
    private final SqlQueryReader queries;

    SqlRelationReader(SqlTokens tokens, SqlColumns columns, SqlQueryReader queries) {
        this.t = tokens;
        this.columns = columns;
        this.queries = queries;
    }

    /** Reads the relation at {@code i} into {@code scope}; returns the index after it. */
    int read(int i, int to, SqlScope scope, boolean lateral) {
        int offset = t.get(i).offset();
        if (t.punct(i, "(")) {
            int close = t.close(i, to);
            if (t.word(i + 1, "select") || t.word(i + 1, "with") || t.word(i + 1, "values")) {
                SqlShape shape = queries.query(i + 1, close, lateral ? scope : scope.parent());
                return alias(close + 1, to, scope, alias -> new SqlRelation.Derived(alias, shape),
                        "");
            }
            queries.from(i + 1, close, scope);
            return alias(close + 1, to, scope, null, "");
        }
        if (t.punct(i, "$") && t.punct(i + 1, "{") || t.punct(i, "{")) {
            int end = queries.expressions().templateEnd(i, to);
            String text = t.text(i, end);
            if (t.punct(i, "{")) {
                return end; // a Liquid tag between relations: {% if %}
            }
            Optional<SqlRelation> view = lookmlView(i, end);
            return alias(end, to, scope, alias -> view.map(v -> rename(v, alias)).orElseGet(() ->
                    new SqlRelation.Computed(alias, List.of(), List.of(SqlOpaque.unbounded(
                            "the relation `" + text + "`", offset)))), text);
        }
        if (!t.name(i)) {
            return i + 1;
        }
        int last = i;
        while (t.punct(last + 1, ".") && t.name(last + 2)) {
            last += 2;
        }
        List<String> parts = new ArrayList<>();
        for (int k = i; k <= last; k += 2) {
            parts.add(t.identifier(k).orElseThrow());
        }
        String own = parts.get(parts.size() - 1);
        if (t.punct(last + 1, "(")) {
            int close = t.close(last + 1, to);
            SqlFlow arguments = queries.expressions().read(last + 2, close, scope,
                    Optional.empty());
            List<SqlOpaque> opaque = new ArrayList<>(arguments.opaque());
            if (parts.size() > 1 || !SqlWords.TABLE_FUNCTIONS.contains(own)) {
                opaque.add(SqlOpaque.unbounded("the function `" + t.text(i, last + 1)
                        + "()`, which storyc does not know", offset));
            }
            return alias(close + 1, to, scope,
                    alias -> new SqlRelation.Computed(alias, arguments.reads(), opaque), own);
        }
        Optional<SqlRelation> cte = parts.size() == 1 ? scope.cte(own) : Optional.empty();
        TableName name = new TableName(parts, t.text(i, last + 1));
        return alias(last + 1, to, scope, alias -> cte.<SqlRelation>map(c -> rename(c, alias))
                .orElseGet(() -> new SqlRelation.Table(name, alias, columns.of(name))), own);
    }

    /**
     * Returns the relation {@code ${view.SQL_TABLE_NAME}} at [i, end) stands for, when the
     * workspace's LookML says: the view's table, read like any table; or its derived table,
     * whose columns arrive already treated, because that derived table is itself compiled with
     * the treatment (or refused) where it is written.
     */
    private Optional<SqlRelation> lookmlView(int i, int end) {
        if (end - i != 6 || !t.name(i + 2) || !t.punct(i + 3, ".")
                || !t.get(i + 4).text().equals("SQL_TABLE_NAME")) {
            return Optional.empty();
        }
        String name = t.identifier(i + 2).orElseThrow();
        Optional<SqlColumns.LookmlView> view = columns.view(name);
        if (view.isEmpty()) {
            return Optional.empty();
        }
        if (view.get().table().isPresent()) {
            TableName table = view.get().table().get();
            return Optional.of(new SqlRelation.Table(table, name, columns.of(table)));
        }
        return Optional.of(new SqlRelation.Computed(name, List.of(), List.of()));
    }

    private static SqlRelation rename(SqlRelation cte, String alias) {
        if (cte instanceof SqlRelation.Table table) {
            return new SqlRelation.Table(table.name(), alias, table.columns(), table.renamed());
        }
        if (cte instanceof SqlRelation.Derived d) {
            return new SqlRelation.Derived(alias, d.shape());
        }
        SqlRelation.Computed c = (SqlRelation.Computed) cte;
        return new SqlRelation.Computed(alias, c.reads(), c.opaque());
    }

    /**
     * Reads {@code [AS] alias [(a, b)]} at {@code i}, adds the relation {@code make} builds under
     * it (or under {@code own} without one), and returns the index after.
     */
    private int alias(int i, int to, SqlScope scope,
            java.util.function.Function<String, SqlRelation> make, String own) {
        int start = i;
        if (t.word(i, "as")) {
            i++;
        }
        String alias = own;
        if (i < to && t.name(i) && !t.wordIn(i, SqlWords.NOT_ALIASES)) {
            alias = t.identifier(i).orElseThrow();
            i++;
        }
        int listAt = i;
        SqlTokens.NameList list = t.nameList(i, to);
        i = list.next();
        if (make != null) {
            scope.add(list.names().isEmpty() ? make.apply(alias) : SqlColumnAliases.rename(
                    make.apply(alias), list.names(), t.text(start, i),
                    t.get(listAt).offset()));
        }
        return i;
    }
}
