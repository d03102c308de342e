package dev.storyc.phi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one expression (a select item, a {@code VALUES} value, a function's arguments) and finds
 * every table column its value depends on: column references through the scope, the arguments of
 * the functions it knows, scalar subqueries, {@code CASE} conditions and results alike. What it
 * cannot see through becomes a {@link SqlOpaque}: a function it does not know, {@code t.*}, a
 * LookML or Liquid substitution.
 */
final class SqlExpressions {
    private static final Set<String> TYPE_WORDS =
            Set.of("varying", "precision", "with", "without", "time", "zone");

    private final SqlTokens t;
    private final SqlQueryReader queries;

    SqlExpressions(SqlTokens tokens, SqlQueryReader queries) {
        this.t = tokens;
        this.queries = queries;
    }

    /**
     * Returns what [from, to) reads in {@code scope}; {@code bareName} is the item's output name
     * when the whole range is a single column reference without an alias.
     */
    SqlFlow read(int from, int to, SqlScope scope, Optional<String> bareName) {
        SqlFlow flow = SqlFlow.EMPTY;
        int i = from;
        while (i < to) {
            if (t.punct(i, ":") && t.punct(i + 1, ":")) {
                i = skipType(i + 2, to);
            } else if (t.punct(i, "$") && t.punct(i + 1, "{") || t.punct(i, "{")
                    && (t.punct(i + 1, "{") || t.punct(i + 1, "%"))) {
                int end = templateEnd(i, to);
                flow = flow.and(SqlFlow.of(SqlOpaque.unbounded(
                        "the substitution `" + t.text(i, end) + "`", t.get(i).offset())));
                i = end;
            } else if (t.punct(i, "(")) {
                int close = t.close(i, to);
                if (t.word(i + 1, "select") || t.word(i + 1, "with")) {
                    flow = flow.and(shapeFlow(queries.query(i + 1, close, scope), i));
                    i = close + 1;
                } else {
                    i++;
                }
            } else if (t.name(i)) {
                int[] next = new int[1];
                flow = flow.and(name(i, to, scope, bareName, next));
                i = next[0];
            } else {
                i++;
            }
        }
        return flow;
    }

    /** Reads a name at {@code i}: a keyword, a function call, a column, or {@code t.*}. */
    private SqlFlow name(int i, int to, SqlScope scope, Optional<String> bareName, int[] next) {
        List<String> parts = new ArrayList<>();
        parts.add(t.identifier(i).orElseThrow());
        int last = i;
        while (t.punct(last + 1, ".") && t.name(last + 2) && last + 2 < to) {
            last += 2;
            parts.add(t.identifier(last).orElseThrow());
        }
        int start = t.get(i).offset();
        if (t.punct(last + 1, ".") && t.punct(last + 2, "*")) {
            next[0] = last + 3;
            return star(parts, start, t.text(i, last + 3), scope);
        }
        if (t.punct(last + 1, "(")) {
            int close = t.close(last + 1, to);
            next[0] = close + 1;
            return call(i, last, close, parts, scope);
        }
        next[0] = last + 1;
        if (parts.size() == 1 && t.wordIn(i, SqlWords.KEYWORDS)) {
            return SqlFlow.EMPTY;
        }
        return scope.resolve(parts, start, t.get(last).end(), bareName);
    }

    private SqlFlow call(int first, int last, int close, List<String> parts, SqlScope scope) {
        String function = parts.get(parts.size() - 1);
        int open = last + 1;
        boolean builtin = parts.size() == 1 && t.get(first).kind()
                == dev.storyc.check.SqlLexer.TokenKind.WORD;
        if (builtin && (function.equals("over") || function.equals("filter"))) {
            // A window or an aggregate's filter orders and picks rows; no value flows from it.
            return SqlFlow.EMPTY;
        }
        if (builtin && SqlWords.PAREN_KEYWORDS.contains(function)) {
            return read(open, close + 1, scope, Optional.empty());
        }
        if (builtin && (function.equals("cast") || function.equals("try_cast"))) {
            return read(open + 1, t.findTop(open + 1, close, Set.of("as")), scope,
                    Optional.empty());
        }
        if (builtin && function.equals("extract")) {
            return read(t.findTop(open + 1, close, Set.of("from")) + 1, close, scope,
                    Optional.empty());
        }
        SqlFlow arguments = read(open + 1, close, scope, Optional.empty());
        if (builtin && SqlWords.FUNCTIONS.contains(function)) {
            return arguments;
        }
        SqlOpaque unknown = new SqlOpaque("the function `" + t.text(first, last + 1)
                + "()`, which storyc does not know", t.get(first).offset(), arguments.reads(),
                false);
        return new SqlFlow(arguments.reads(), arguments.opaque()).and(SqlFlow.of(unknown));
    }

    private SqlFlow star(List<String> qualifier, int start, String text, SqlScope scope) {
        Optional<SqlRelation> relation = scope.relation(qualifier);
        if (relation.isEmpty()) {
            return SqlFlow.of(SqlOpaque.unbounded("`" + text + "`", start));
        }
        SqlFlow expanded = SqlScope.expand(List.of(relation.get()),
                new SqlScope.Reference(start, start + text.length(), Optional.empty()));
        return new SqlFlow(List.of(), expanded.opaque()).and(SqlFlow.of(
                new SqlOpaque("`" + text + "`", start, expanded.reads(), false)));
    }

    /** Returns what a scalar subquery's value reads: every column of its select list. */
    private SqlFlow shapeFlow(SqlShape shape, int open) {
        SqlFlow flow = new SqlFlow(List.of(), shape.opaque());
        for (SqlProduced produced : shape.columns()) {
            if (produced instanceof SqlProduced.Column column) {
                flow = flow.and(new SqlFlow(column.reads(), column.opaque()));
            } else {
                SqlProduced.Star star = (SqlProduced.Star) produced;
                SqlFlow expanded = SqlScope.expand(star.relations(), new SqlScope.Reference(
                        star.offset(), star.offset() + star.text().length(), Optional.empty()));
                flow = flow.and(new SqlFlow(List.of(), expanded.opaque())).and(SqlFlow.of(
                        new SqlOpaque("`" + star.text() + "`", star.offset(), expanded.reads(),
                                false)));
            }
        }
        return flow;
    }

    /** Skips a type name after {@code ::}: {@code date}, {@code varchar(10)}, {@code int[]}. */
    private int skipType(int i, int to) {
        if (t.name(i)) {
            i++;
        }
        while (i < to) {
            if (t.punct(i, "(")) {
                i = t.close(i, to) + 1;
            } else if (t.punct(i, "[") && t.punct(i + 1, "]")) {
                i += 2;
            } else if (t.wordIn(i, TYPE_WORDS)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Returns the index after a {@code ${...}}, {@code {{...}}} or {@code {%...%}}. */
    int templateEnd(int i, int to) {
        int depth = 0;
        for (int j = i; j < to; j++) {
            if (t.punct(j, "{")) {
                depth++;
            } else if (t.punct(j, "}") && --depth == 0 && !t.punct(j + 1, "}")) {
                return j + 1;
            }
        }
        return to;
    }
}
