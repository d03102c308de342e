package dev.storyc.validate;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.lookml.liquid.LookerLiquid;
import dev.storyc.lookml.model.Explore;
import dev.storyc.lookml.model.Field;
import dev.storyc.lookml.model.FieldKind;
import dev.storyc.lookml.model.Join;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.View;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plans the live validation of a project: every dimension, dimension group and measure in Looker's
 * query shape, batched so that a thousand fields cost a handful of queries.
 *
 * <ul>
 *   <li>A field whose SQL reads only its own view ({@code ${TABLE}}, its own fields) is validated
 *       once, over its view's table alone, however many explores join the view: its SQL means the
 *       same in each of them.
 *   <li>Every explore gets a query over its whole FROM clause (base table and every join with its
 *       {@code sql_on}), selecting the fields that read other views, or {@code 1} when none do, so
 *       every join is proven once per explore.
 *   <li>Dimensions and measures go to separate queries; a batch holds at most {@link #MAX_FIELDS}
 *       fields (PostgreSQL allows 1664 columns in a select list).
 * </ul>
 */
public final class ValidationPlanner {
    /** The most fields one query selects. */
    public static final int MAX_FIELDS = 400;

    private final LookmlProject project;
    private final List<Batch> batches = new ArrayList<>();
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Set<Position> reported = new HashSet<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final Set<Position> counted = new HashSet<>();
    private int fields;

    private ValidationPlanner(LookmlProject project) {
        this.project = project;
    }

    /** Returns the plan for every view and explore of {@code project}. */
    public static ValidationPlan plan(LookmlProject project) {
        ValidationPlanner planner = new ValidationPlanner(project);
        project.views().forEach(planner::view);
        project.explores().forEach(planner::explore);
        return new ValidationPlan(
                planner.batches, planner.problems, planner.skipped, planner.fields);
    }

    /**
     * Returns the per-field plan Spectacles' first pass and Looker's own validator use: one query
     * per field per explore, over the explore's whole FROM clause. It is the baseline {@code
     * validate --strategy per_field} measures against; it finds the same problems.
     */
    public static ValidationPlan perField(LookmlProject project) {
        ValidationPlan batched = plan(project);
        ValidationPlanner planner = new ValidationPlanner(project);
        for (Explore explore : project.explores()) {
            Optional<QueryParts.From> from = planner.exploreFrom(explore);
            if (from.isPresent()) {
                planner.oneBatchPerField(explore, from.get());
            }
        }
        return new ValidationPlan(
                planner.batches, batched.problems(), batched.skipped(), batched.fields());
    }

    private void oneBatchPerField(Explore explore, QueryParts.From from) {
        FieldSql sql = new FieldSql(project, aliases(explore));
        for (Map.Entry<String, String> alias : aliases(explore).entrySet()) {
            Optional<View> view = project.view(alias.getValue());
            for (Field field : view.map(View::fields).orElse(List.of())) {
                if (sql.select(alias.getKey(), field) instanceof Resolved.Sql resolved) {
                    QueryParts.FieldQuery query = query(alias.getKey(), view.get(), field, resolved);
                    batches.add(new Batch(explore.name(), from, List.of(query)));
                }
            }
        }
    }

    private void view(View view) {
        FieldSql sql = new FieldSql(project, Map.of(view.name(), view.name()));
        Resolved table = sql.table(view.name());
        if (!(table instanceof Resolved.Sql tableSql)) {
            if (table instanceof Resolved.Skipped skip) {
                view.fields().forEach(field -> skip(field, "its view's table: " + skip.reason()));
            }
            return;
        }
        QueryParts.From from = new QueryParts.From("", view.name(), view.name(), tableSql.sql(), tableAt(view),
                tableSql.own(), view.derivedTable().isPresent(), List.of());
        List<QueryParts.FieldQuery> dimensions = new ArrayList<>();
        List<QueryParts.FieldQuery> measures = new ArrayList<>();
        for (Field field : view.fields()) {
            Resolved resolved = sql.select(view.name(), field);
            if (resolved instanceof Resolved.Sql s) {
                fields++;
                QueryParts.FieldQuery query = query(view.name(), view, field, s);
                (query.measure() ? measures : dimensions).add(query);
            } else if (resolved instanceof Resolved.Skipped skip) {
                fields++;
                skip(field, skip.reason());
                liquidSyntax(view, field);
            }
            // Unresolved here means the field reads another view: each explore that joins it plans
            // it.
        }
        add("view " + view.name(), from, dimensions);
        add("view " + view.name(), from, measures);
    }

    private void explore(Explore explore) {
        Optional<QueryParts.From> from = exploreFrom(explore);
        if (from.isEmpty()) {
            return;
        }
        FieldSql sql = new FieldSql(project, aliases(explore));
        List<QueryParts.FieldQuery> dimensions = new ArrayList<>();
        List<QueryParts.FieldQuery> measures = new ArrayList<>();
        for (Map.Entry<String, String> alias : aliases(explore).entrySet()) {
            Optional<View> view = project.view(alias.getValue());
            if (view.isEmpty()) {
                continue;
            }
            Set<String> own = Set.of(alias.getKey());
            for (Field field : view.get().fields()) {
                Resolved resolved = sql.select(alias.getKey(), field);
                if (resolved instanceof Resolved.Unresolved unresolved) {
                    report(
                            Diagnostic.error(
                                            Code.VALIDATE_UNRESOLVED_REFERENCE,
                                            at(field),
                                            "field `"
                                                    + view.get().name()
                                                    + "."
                                                    + field.name()
                                                    + "` uses "
                                                    + unresolved.reference()
                                                    + " in explore `"
                                                    + explore.name()
                                                    + "`, but "
                                                    + unresolved.why())
                                    .withHint(
                                            "reference a field of this view or of a join of every"
                                                + " explore that uses it"));
                } else if (resolved instanceof Resolved.Sql s && !own.containsAll(s.aliases())) {
                    fields++;
                    QueryParts.FieldQuery query = query(alias.getKey(), view.get(), field, s);
                    (query.measure() ? measures : dimensions).add(query);
                }
            }
        }
        String label = "explore " + explore.name();
        if (dimensions.isEmpty() && measures.isEmpty()) {
            batches.add(new Batch(label, from.get(), List.of()));
        }
        add(label, from.get(), dimensions);
        add(label, from.get(), measures);
    }

    /**
     * Returns the explore's FROM clause, or empty (with a problem reported) when it cannot be
     * built.
     */
    private Optional<QueryParts.From> exploreFrom(Explore explore) {
        Map<String, String> aliases = aliases(explore);
        FieldSql sql = new FieldSql(project, aliases);
        String baseAlias = aliases.keySet().iterator().next();
        Optional<View> base = project.view(aliases.get(baseAlias));
        if (base.isEmpty()) {
            return Optional.empty();
        }
        if (!(sql.table(base.get().name()) instanceof Resolved.Sql table)) {
            return Optional.empty();
        }
        List<QueryParts.Join> joins = new ArrayList<>();
        for (Join join : explore.joins()) {
            if (!(sql.table(join.view()) instanceof Resolved.Sql joinTable)) {
                return Optional.empty();
            }
            String keyword =
                    switch (join.type().map(Located::value).orElse("left_outer")) {
                        case "inner" -> "INNER JOIN";
                        case "full_outer" -> "FULL OUTER JOIN";
                        case "cross" -> "CROSS JOIN";
                        default -> "LEFT JOIN";
                    };
            String on = "";
            OwnSql onOwn = OwnSql.NONE;
            Set<String> needs = Set.of();
            if (!keyword.equals("CROSS JOIN")) {
                Optional<Located> sqlOn = join.sqlOn();
                if (sqlOn.isEmpty()) {
                    on = "1 = 1";
                } else {
                    Resolved resolved = sql.sql(join.name(), sqlOn.get().value());
                    if (resolved instanceof Resolved.Unresolved unresolved) {
                        report(
                                Diagnostic.error(
                                                Code.VALIDATE_UNRESOLVED_REFERENCE,
                                                sqlOn.get().position(),
                                                "join `"
                                                        + join.name()
                                                        + "` of explore `"
                                                        + explore.name()
                                                        + "` uses "
                                                        + unresolved.reference()
                                                        + ", but "
                                                        + unresolved.why())
                                        .withHint(
                                                "sql_on may use the explore's base view and the"
                                                    + " joins before this one"));
                        continue;
                    }
                    if (!(resolved instanceof Resolved.Sql s)) {
                        continue;
                    }
                    on = s.sql();
                    onOwn = s.own();
                    needs = new HashSet<>(s.aliases());
                    needs.remove(join.name());
                }
            }
            joins.add(
                    new QueryParts.Join(
                            join.name(),
                            join.view(),
                            keyword,
                            joinTable.sql(),
                            on,
                            needs,
                            join.sqlOn().map(Located::position).orElse(join.position()),
                            onOwn));
        }
        return Optional.of(new QueryParts.From(explore.name(), baseAlias, base.get().name(), table.sql(),
                tableAt(base.get()), table.own(), base.get().derivedTable().isPresent(), joins));
    }

    /** Returns each alias of an explore's query and the view it reads, base first. */
    static Map<String, String> aliases(Explore explore) {
        Map<String, String> aliases = new LinkedHashMap<>();
        aliases.put(
                explore.from().isPresent() ? explore.name() : explore.baseView(),
                explore.baseView());
        explore.joins().forEach(j -> aliases.putIfAbsent(j.name(), j.view()));
        return aliases;
    }

    private void add(String label, QueryParts.From from, List<QueryParts.FieldQuery> queries) {
        for (int start = 0; start < queries.size(); start += MAX_FIELDS) {
            batches.add(
                    new Batch(
                            label,
                            from,
                            queries.subList(start, Math.min(queries.size(), start + MAX_FIELDS))));
        }
    }

    private void liquidSyntax(View view, Field field) {
        Optional<Located> sql = field.sql().filter(s -> LookerLiquid.isPresent(s.value()));
        Optional<LookerLiquid.Problem> error = sql.flatMap(s -> LookerLiquid.problem(s.value()));
        if (error.isPresent()) {
            report(Diagnostic.error(Code.VALIDATE_LIQUID_SYNTAX, error.get().at(sql.get().position()),
                            "the Liquid in field `" + view.name() + "." + field.name()
                                    + "` does not parse: " + error.get().message())
                    .withHint(LookerLiquid.SYNTAX_HINT));
        }
    }


    private void skip(Field field, String reason) {
        if (counted.add(field.position())) {
            skipped.merge(reason, 1, Integer::sum);
        }
    }

    private void report(Diagnostic diagnostic) {
        if (reported.add(diagnostic.position())) {
            problems.add(diagnostic);
        }
    }

    /** Returns a field's SQL as the query called {@code alias} selects it. */
    private static QueryParts.FieldQuery query(String alias, View view, Field field, Resolved.Sql sql) {
        return new QueryParts.FieldQuery(alias, view.name(), field.name(), field.kind() == FieldKind.MEASURE,
                sql.sql(), sql.aliases(), at(field), sql.own());
    }

    static Position at(Field field) {
        return field.sql().map(Located::position).orElse(field.position());
    }

    private static Position tableAt(View view) {
        return view.sqlTableName()
                .map(Located::position)
                .or(() -> view.derivedTable().flatMap(d -> d.sql()).map(Located::position))
                .orElse(view.position());
    }
}
