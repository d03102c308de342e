package dev.storyc.phi;

import dev.storyc.check.SqlLexer;
import dev.storyc.check.SqlLexer.Token;
import dev.storyc.check.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The column-flow analysis of the SQL storyc compiles: for every statement that stores a query's
 * result (an ETL job's query, {@code INSERT ... SELECT}, {@code INSERT ... VALUES}, {@code CREATE
 * TABLE AS}, a view, {@code SELECT INTO}, {@code UPDATE ... SET}) and for a LookML derived table,
 * which table columns each stored column is computed from, and where in the text.
 *
 * <p>It is a pure function of the text and of the tables' column lists, and it reuses the lexer
 * of the {@code check} stage ({@link SqlLexer}), which never mistakes a string or a comment for
 * SQL. A full SQL parser was weighed: JSqlParser (on Maven Central, 5.x) would give a complete
 * syntax tree, but it rejects ordinary Redshift text (see {@code check.SqlScanner}) and Liquid or
 * {@code ${...}} inside a derived table, and a statement it cannot parse would be a statement
 * whose columns are unknown. This reader instead knows where it is unsure: a {@code SELECT *}
 * feeding a table, a function outside the documented built-ins, dynamic SQL, {@code COPY}, a
 * relation it cannot name all come back as a {@link SqlOpaque} at their offset, so a protected
 * column behind them is an error at that line rather than a silent pass. What it ignores is what
 * only picks rows ({@code WHERE}, join conditions, {@code GROUP BY}, windows): they decide which
 * rows arrive, not what the stored columns hold.
 */
public final class SqlFlowAnalysis {
    private static final Set<String> DYNAMIC = Set.of("do", "execute", "call", "prepare",
            "merge", "copy", "unload");

    private SqlFlowAnalysis() {}

    /** Returns the column flow of every statement of a script. */
    public static SqlScriptFlow ofScript(String sql, SqlColumns columns) {
        List<SqlWrite> writes = new ArrayList<>();
        List<SqlScriptFlow.Unread> unread = new ArrayList<>();
        for (List<Token> statement : SqlLexer.statementsWithStrings(sql)) {
            statement(new SqlTokens(sql, statement), columns, writes, unread);
        }
        return new SqlScriptFlow(writes, unread);
    }

    /**
     * Returns the shape of one query, such as a derived table's {@code sql}: what each of its
     * columns is computed from.
     */
    public static SqlShape ofQuery(String sql, SqlColumns columns) {
        SqlScriptFlow flow = ofScript(sql, columns);
        List<SqlOpaque> opaque = new ArrayList<>();
        flow.unread().forEach(u -> opaque.add(u.where()));
        if (flow.writes().size() == 1 && flow.writes().get(0).kind() == SqlWrite.Kind.QUERY) {
            SqlShape shape = flow.writes().get(0).shape();
            opaque.addAll(shape.opaque());
            return new SqlShape(shape.columns(), opaque);
        }
        if (opaque.isEmpty()) {
            opaque.add(SqlOpaque.unbounded("SQL that is not one query", 0));
        }
        return new SqlShape(List.of(), opaque);
    }

    private static void statement(SqlTokens t, SqlColumns columns, List<SqlWrite> writes,
            List<SqlScriptFlow.Unread> unread) {
        int offset = t.get(0).offset();
        SqlQueryReader reader = new SqlQueryReader(t, columns);
        if (t.word(0, "with")) {
            SqlScope ctes = new SqlScope(null);
            int after = reader.with(0, t.size(), ctes);
            if (t.words(after, "insert", "into")) {
                insert(t, reader, writes, after, ctes);
                return;
            }
        }
        if (t.word(0, "select") || t.word(0, "with") || t.punct(0, "(")
                || t.word(0, "values")) {
            SqlShape shape = reader.query(0, t.size(), null);
            Optional<TableName> into = reader.selectInto();
            writes.add(new SqlWrite(into.isPresent() ? SqlWrite.Kind.SELECT_INTO
                    : SqlWrite.Kind.QUERY, into, offset, List.of(), shape));
        } else if (t.word(0, "insert") && t.word(1, "into")) {
            insert(t, reader, writes, 0, null);
        } else if (t.word(0, "create")) {
            create(t, reader, writes, unread);
        } else if (t.word(0, "update")) {
            SqlUpdates.read(t, reader, columns).ifPresent(writes::add);
        } else if (t.wordIn(0, DYNAMIC)) {
            unread.add(touching(t, reader, new SqlOpaque("`"
                    + t.get(0).text().toUpperCase(java.util.Locale.ROOT) + "`, which storyc"
                    + " cannot follow column by column,", offset, List.of(), true)));
        } else if (t.findTop(0, t.size(), i -> t.word(i, "select") && !(i > 0 && t.punct(i - 1, "."))) < t.size()) {
            // After a dot, `select` is a name (PostgreSQL takes any keyword there), as in
            // `DROP TABLE analytics.select`, which holds no query.
            unread.add(SqlScriptFlow.Unread.anything(SqlOpaque.unbounded("a `"
                    + t.get(0).text().toUpperCase(java.util.Locale.ROOT)
                    + "` statement that holds a query storyc does not read,", offset)));
        }
    }

    private static void insert(SqlTokens t, SqlQueryReader reader, List<SqlWrite> writes,
            int from, SqlScope ctes) {
        int i = from + 2;
        int end = nameEnd(t, i);
        Optional<TableName> target = TableName.parse(t.text(i, end));
        i = end;
        if (t.word(i, "as")) {
            i += 2;
        }
        List<String> listed = List.of();
        if (t.punct(i, "(") && !t.word(i + 1, "select") && !t.word(i + 1, "with")) {
            int close = t.close(i, t.size());
            listed = t.names(i, close);
            i = close + 1;
        }
        if (t.word(i, "overriding")) {
            i += 3;
        }
        int queryEnd = queryEnd(t, i);
        if (t.words(i, "default", "values") || i >= queryEnd) {
            return;
        }
        writes.add(new SqlWrite(SqlWrite.Kind.INSERT, target, t.get(0).offset(), listed,
                reader.query(i, queryEnd, ctes)));
    }

    private static void create(SqlTokens t, SqlQueryReader reader, List<SqlWrite> writes,
            List<SqlScriptFlow.Unread> unread) {
        int i = 1;
        if (t.word(i, "or") && t.word(i + 1, "replace")) {
            i += 2;
        }
        while (t.word(i, "temp") || t.word(i, "temporary") || t.word(i, "local")
                || t.word(i, "unlogged") || t.word(i, "external") || t.word(i, "global")) {
            i++;
        }
        SqlWrite.Kind kind;
        if (t.word(i, "table")) {
            kind = SqlWrite.Kind.CREATE_TABLE_AS;
            i++;
        } else if (t.word(i, "view")) {
            kind = SqlWrite.Kind.VIEW;
            i++;
        } else if (t.word(i, "materialized") && t.word(i + 1, "view")) {
            kind = SqlWrite.Kind.VIEW;
            i += 2;
        } else {
            if (t.word(i, "function") || t.word(i, "procedure") || t.word(i, "rule")
                    || t.word(i, "trigger")) {
                unread.add(SqlScriptFlow.Unread.anything(SqlOpaque.unbounded("`CREATE "
                        + t.get(i).text().toUpperCase(java.util.Locale.ROOT) + "`, whose body"
                        + " storyc does not read,", t.get(0).offset())));
            }
            return;
        }
        if (t.words(i, "if", "not", "exists")) {
            i += 3;
        }
        int end = nameEnd(t, i);
        Optional<TableName> target = TableName.parse(t.text(i, end));
        i = end;
        List<String> listed = List.of();
        if (t.punct(i, "(")) {
            int close = t.close(i, t.size());
            if (kind == SqlWrite.Kind.CREATE_TABLE_AS && !t.word(close + 1, "as")) {
                return; // column definitions: CREATE TABLE t (a int, ...)
            }
            listed = t.names(i, close);
            i = close + 1;
        }
        int as = t.findTop(i, t.size(), Set.of("as"));
        if (as >= t.size()) {
            return;
        }
        int queryEnd = queryEnd(t, as + 1);
        writes.add(new SqlWrite(kind, target, t.get(0).offset(), listed,
                reader.query(as + 1, queryEnd, null)));
    }

    /**
     * Returns where a stored query ends: before {@code ON CONFLICT}, {@code RETURNING}, {@code
     * WITH NO SCHEMA BINDING} or {@code WITH [NO] DATA}.
     */
    private static int queryEnd(SqlTokens t, int from) {
        return t.findTop(from, t.size(), i -> t.words(i, "on", "conflict")
                || t.word(i, "returning") || t.words(i, "with", "no", "data")
                || t.words(i, "with", "no", "schema")
                || t.words(i, "with", "data") && i + 2 == t.size());
    }

    /**
     * Returns what a statement storyc cannot follow touches: {@code COPY t} its table, {@code
     * MERGE INTO t USING s} both tables (or what a {@code USING (query)} reads); anything at all
     * for {@code DO}, {@code EXECUTE}, {@code CALL} and the rest.
     */
    private static SqlScriptFlow.Unread touching(SqlTokens t, SqlQueryReader reader,
            SqlOpaque where) {
        if (t.word(0, "copy") && t.name(1)) {
            return new SqlScriptFlow.Unread(where,
                    TableName.parse(t.text(1, nameEnd(t, 1))).stream().toList(), true);
        }
        if (t.word(0, "merge") && t.word(1, "into")) {
            List<TableName> tables = new ArrayList<>();
            TableName.parse(t.text(2, nameEnd(t, 2))).ifPresent(tables::add);
            int using = t.findTop(2, t.size(), Set.of("using"));
            if (t.name(using + 1)) {
                TableName.parse(t.text(using + 1, nameEnd(t, using + 1))).ifPresent(tables::add);
                return new SqlScriptFlow.Unread(where, tables, true);
            }
            if (t.punct(using + 1, "(")) {
                SqlShape source = reader.query(using + 2, t.close(using + 1, t.size()), null);
                boolean bounded = source.opaque().isEmpty() && source.stars().isEmpty();
                for (SqlProduced column : source.columns()) {
                    if (column instanceof SqlProduced.Column c) {
                        c.reads().forEach(r -> tables.add(r.table()));
                        bounded &= c.opaque().isEmpty();
                    }
                }
                return new SqlScriptFlow.Unread(where, tables, bounded);
            }
        }
        return SqlScriptFlow.Unread.anything(where);
    }

    /** Returns the index after a dotted name starting at {@code i}. */
    static int nameEnd(SqlTokens t, int i) {
        int end = i;
        while (t.name(end)) {
            end++;
            if (t.punct(end, ".") && t.name(end + 1)) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }
}
