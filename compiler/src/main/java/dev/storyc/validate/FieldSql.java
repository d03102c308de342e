package dev.storyc.validate;

import dev.storyc.lookml.liquid.LookerLiquid;
import dev.storyc.lookml.model.Field;
import dev.storyc.lookml.model.FieldKind;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.View;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes LookML's references in a field's SQL the way Looker does when it writes a query:
 * {@code ${TABLE}} becomes the view's alias in the query, {@code ${field}} and {@code
 * ${view.field}} the referenced field's own SQL (in parentheses, so operator precedence cannot
 * change its meaning), {@code ${view.SQL_TABLE_NAME}} the view's table; a measure becomes its
 * aggregate.
 *
 * <p>Aliases are what a query calls each view: the explore's base view is called by the explore's
 * name, each join by the join's name, as in Looker's SQL.
 */
public final class FieldSql {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    private static final int MAX_DEPTH = 30;

    private final LookmlProject project;
    private final Map<String, String> viewsByAlias;

    /**
     * @param viewsByAlias the view each alias of the query reads, base first
     */
    public FieldSql(LookmlProject project, Map<String, String> viewsByAlias) {
        this.project = project;
        this.viewsByAlias = new LinkedHashMap<>(viewsByAlias);
    }

    /**
     * Returns the SQL a query selects for a field of the view called {@code alias}, ended so that
     * a trailing line comment cannot swallow what the query writes after it.
     */
    public Resolved select(String alias, Field field) {
        if (field.kind() == FieldKind.FILTER || field.kind() == FieldKind.PARAMETER) {
            return new Resolved.Skipped(
                    "a " + field.kind().key() + " only exists in Looker's query");
        }
        if (field.kind() == FieldKind.DIMENSION_GROUP
                && "duration".equals(field.type().map(Located::value).orElse("time"))) {
            return new Resolved.Skipped("a duration group's SQL is sql_start and sql_end");
        }
        Set<String> aliases = new HashSet<>();
        return expression(alias, field, Optional.empty(), aliases, 0, new java.util.ArrayList<>(), true);
    }

    /**
     * Returns a join's {@code sql_on} or a derived table's SQL with its references substituted,
     * stripped, and ended so that a trailing line comment cannot swallow what follows it.
     */
    public Resolved sql(String alias, String sql) {
        Set<String> aliases = new HashSet<>();
        Optional<Resolved> skipped = skipped(sql);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        StringBuilder out = new StringBuilder();
        List<OwnSql.Piece> own = new ArrayList<>();
        Optional<Resolved> problem = substitute(alias, sql, aliases, 0, out, own);
        String text = out.toString();
        int leading = text.length() - text.stripLeading().length();
        return problem.orElseGet(() -> new Resolved.Sql(LineComments.closed(text.strip()), aliases,
                new OwnSql(sql, own).shifted(-leading)));
    }

    /**
     * Returns the table expression of a view: its {@code sql_table_name}, or its derived table's
     * SQL in parentheses, with where its own text lies in it, so that a server's error position
     * reads back as the line and column of the LookML.
     */
    public Resolved table(String viewName) {
        Optional<View> view = project.view(viewName);
        if (view.isEmpty()) {
            return new Resolved.Unresolved(viewName, "the project has no view `" + viewName + "`");
        }
        if (view.get().derivedTable().isPresent()) {
            Optional<Located> sql = view.get().derivedTable().get().sql();
            if (sql.isEmpty()) {
                return new Resolved.Skipped(
                        "a native derived table is built by Looker from an explore");
            }
            Resolved inner = sql(null, sql.get().value());
            return inner instanceof Resolved.Sql s
                    ? new Resolved.Sql("(" + s.sql() + ")", s.aliases(), s.own().shifted(1))
                    : inner;
        }
        Optional<Located> table = view.get().sqlTableName();
        if (table.isEmpty()) {
            return new Resolved.Sql(viewName, Set.of());
        }
        return sql(null, table.get().value());
    }

    /**
     * Returns a field's SQL: as a query selects it when {@code selected} (a yesno field's {@code
     * CASE}, every kind of timeframe of a group), else as a reference substitutes it (the
     * condition itself, the timeframe named).
     */
    private Resolved expression(
            String alias, Field field, Optional<String> timeframe, Set<String> aliases, int depth,
            java.util.List<OwnSql.Piece> own, boolean selected) {
        String raw =
                field.sql()
                        .map(Located::value)
                        .orElse(
                                field.kind() == FieldKind.MEASURE
                                        ? ""
                                        : "${TABLE}." + field.name());
        Optional<Resolved> skipped = skipped(raw);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        StringBuilder inner = new StringBuilder();
        if (!raw.isBlank()) {
            Optional<Resolved> problem = substitute(alias, raw, aliases, depth, inner,
                    field.sql().isPresent() ? own : null);
            if (problem.isPresent()) {
                return problem.get();
            }
        }
        String sql = LineComments.closed(inner.toString().strip());
        OwnSql text = own == null || field.sql().isEmpty() ? OwnSql.NONE
                : new OwnSql(raw, own).shifted(sql.isEmpty() ? 0
                        : -(inner.length() - inner.toString().stripLeading().length()));
        if (field.kind() == FieldKind.MEASURE) {
            return Measures.aggregate(field.type().map(Located::value).orElse("count"), sql)
                    .map(aggregate -> selected ? yesno(field, aggregate) : aggregate)
                    .<Resolved>map(aggregate -> new Resolved.Sql(aggregate, aliases, wrapped(text, aggregate, sql)))
                    .orElseGet(
                            () ->
                                    new Resolved.Skipped(
                                            "a measure of type "
                                                    + field.type().map(Located::value).orElse("")
                                                    + " is written differently by each dialect"));
        }
        if (field.kind() == FieldKind.DIMENSION_GROUP) {
            Optional<String> datatype = field.datatype().map(Located::value);
            String expression = selected ? Timeframe.group(field.timeframes(), datatype, sql)
                    : Timeframe.expression(timeframe.orElse("raw"), datatype, sql);
            return new Resolved.Sql(expression, aliases, wrapped(text, expression, sql));
        }
        String expression = selected ? yesno(field, sql) : sql;
        return new Resolved.Sql(expression, aliases, wrapped(text, expression, sql));
    }

    /**
     * Returns a selected yesno field as Looker writes it, which PostgreSQL and Redshift refuse when
     * the SQL is not a condition ({@code argument of CASE/WHEN must be type boolean}); a reference
     * to it substitutes the condition itself. Any other field is returned as it is.
     */
    private static String yesno(Field field, String sql) {
        return "yesno".equals(field.type().map(Located::value).orElse("")) ? "CASE WHEN (" + sql + ") THEN 'Yes' ELSE 'No' END" : sql;
    }

    /** Returns own text moved to where {@code inner} stands in {@code wrapper}, when it stands there once. */
    private static OwnSql wrapped(OwnSql text, String wrapper, String inner) {
        int at = inner.isEmpty() ? -1 : wrapper.indexOf(inner);
        return at < 0 || wrapper.indexOf(inner, at + 1) >= 0 ? OwnSql.NONE : text.shifted(at);
    }

    /** Appends {@code sql} with its references replaced, or returns why it cannot. */
    private Optional<Resolved> substitute(String alias, String sql, Set<String> aliases, int depth,
            StringBuilder out, java.util.List<OwnSql.Piece> own) {
        if (depth > MAX_DEPTH) {
            return Optional.of(new Resolved.Unresolved(sql, "references form a cycle"));
        }
        Matcher matcher = REFERENCE.matcher(sql);
        int last = 0;
        while (matcher.find()) {
            copy(sql, last, matcher.start(), out, own);
            last = matcher.end();
            String reference = matcher.group(1).strip();
            Optional<Resolved> problem = reference(alias, reference, aliases, depth, out);
            if (problem.isPresent()) {
                return problem;
            }
        }
        copy(sql, last, sql.length(), out, own);
        return Optional.empty();
    }

    /** Appends text copied as written, and notes where it went when a field's own text is tracked. */
    private static void copy(String sql, int from, int to, StringBuilder out, java.util.List<OwnSql.Piece> own) {
        if (own != null && to > from) {
            own.add(new OwnSql.Piece(out.length(), from, to - from));
        }
        out.append(sql, from, to);
    }

    private Optional<Resolved> reference(
            String alias, String reference, Set<String> aliases, int depth, StringBuilder out) {
        if (reference.equals("TABLE")) {
            if (alias == null) {
                return Optional.of(
                        new Resolved.Unresolved(
                                "${TABLE}", "there is no view here for ${TABLE} to mean"));
            }
            aliases.add(alias);
            out.append(alias);
            return Optional.empty();
        }
        int dot = reference.indexOf('.');
        String targetAlias = dot < 0 ? alias : reference.substring(0, dot);
        String name = dot < 0 ? reference : reference.substring(dot + 1);
        if (name.equals("SQL_TABLE_NAME")) {
            Resolved table = table(targetAlias);
            if (table instanceof Resolved.Sql s) {
                out.append(s.sql());
                return Optional.empty();
            }
            return Optional.of(table);
        }
        if (targetAlias == null) {
            return Optional.of(
                    new Resolved.Unresolved(
                            "${" + reference + "}", "name the view: ${view.field}"));
        }
        String viewName = viewsByAlias.get(targetAlias);
        if (viewName == null) {
            return Optional.of(
                    new Resolved.Unresolved(
                            "${" + reference + "}",
                            "the explore has no view or join called `" + targetAlias + "`"));
        }
        Optional<View> view = project.view(viewName);
        Optional<Field> field = view.flatMap(v -> v.field(name));
        if (field.isEmpty()) {
            return Optional.of(
                    new Resolved.Unresolved(
                            "${" + reference + "}",
                            "view `" + viewName + "` has no field `" + name + "`"));
        }
        Optional<String> timeframe =
                field.get().kind() == FieldKind.DIMENSION_GROUP
                                && name.startsWith(field.get().name() + "_")
                        ? Optional.of(name.substring(field.get().name().length() + 1))
                        : Optional.empty();
        Resolved resolved = expression(targetAlias, field.get(), timeframe, aliases, depth + 1, null, false);
        if (resolved instanceof Resolved.Sql s) {
            out.append('(').append(s.sql()).append(')');
            return Optional.empty();
        }
        return Optional.of(resolved);
    }

    private static Optional<Resolved> skipped(String sql) {
        if (LookerLiquid.isPresent(sql)) {
            return Optional.of(new Resolved.Skipped("Liquid is rendered by Looker at query time"));
        }
        if (sql.contains("@{")) {
            return Optional.of(new Resolved.Skipped("a constant (@{...}) is filled in by Looker"));
        }
        return Optional.empty();
    }
}
